namespace Ckan.DataStore.Dumps;

/// <summary>A dump format of <c>/datastore/dump</c> with its content type and file extension.</summary>
public sealed record DumpFormat(string Name, string ContentType, string Extension)
{
    public static readonly DumpFormat Csv = new("csv", "text/csv; charset=utf-8", "csv");
    public static readonly DumpFormat Tsv = new("tsv", "text/tab-separated-values; charset=utf-8", "tsv");
    public static readonly DumpFormat Json = new("json", "application/json; charset=utf-8", "json");
    public static readonly DumpFormat Xml = new("xml", "text/xml; charset=utf-8", "xml");

    /// <summary>Returns the format for a name (case-insensitive), or null.</summary>
    public static DumpFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" or "csv" => Csv,
        "tsv" => Tsv,
        "json" => Json,
        "xml" => Xml,
        _ => null,
    };
}
