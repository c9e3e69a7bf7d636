namespace Ckan.Core.Search;

/// <summary>Differences between the search index and the catalog, by dataset id.</summary>
public sealed record SearchIndexReport(
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Stale,
    IReadOnlyList<string> Orphaned)
{
    /// <summary>Whether the index matches the catalog.</summary>
    public bool IsConsistent => Missing.Count == 0 && Stale.Count == 0 && Orphaned.Count == 0;
}
