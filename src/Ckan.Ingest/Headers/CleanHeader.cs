namespace Ckan.Ingest.Headers;

/// <summary>A column's DataStore field id and the header text it came from.</summary>
public sealed record CleanHeader(string Id, string Label);
