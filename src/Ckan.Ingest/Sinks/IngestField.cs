namespace Ckan.Ingest.Sinks;

/// <summary>
/// One column of an ingested table: the cleaned DataStore field id, its CKAN type (<c>text</c>,
/// <c>int4</c>, <c>int8</c>, <c>numeric</c>, <c>float8</c>, <c>bool</c>, <c>date</c> or
/// <c>timestamp</c>) and the info dictionary, whose <c>label</c> is the header as written in the file.
/// </summary>
public sealed record IngestField
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required IReadOnlyDictionary<string, string> Info { get; init; }
}
