namespace Ckan.Search.Lucene.Schema;

/// <summary>
/// Names of the fields that exist only inside this index. They start with two underscores, which no
/// field of CKAN's Solr schema does, and queries cannot name them.
/// </summary>
internal static class IndexFieldNames
{
    /// <summary>The prefix shared by every internal field.</summary>
    public const string ReservedPrefix = "__";

    /// <summary>The package_show dictionary as given, kept as a binary doc value and returned verbatim.</summary>
    public const string StoredJson = "__json";

    /// <summary>The metadata_modified value exactly as the dictionary had it, for consistency checks.</summary>
    public const string RawModified = "__modified";

    /// <summary>Returns the doc-values field that sorts by <paramref name="field"/>.</summary>
    public static string SortKey(string field) => "__sort_" + field;

    /// <summary>Returns the doc-values field holding a plugin's number named <paramref name="name"/>.</summary>
    public static string Number(string name) => "__number_" + name;
}
