using Ckan.Core.Actions;
using Ckan.Core.Json;

namespace Ckan.Core.Search;

/// <summary>Compares the search index with the catalog.</summary>
public static class SearchIndexChecker
{
    /// <summary>
    /// Lists datasets missing from the index, indexed from an older version (metadata_modified differs),
    /// and indexed datasets the catalog no longer has (or has deleted).
    /// </summary>
    public static async Task<SearchIndexReport> CheckAsync(CkanServices services, CancellationToken cancellationToken)
    {
        var indexed = await services.Search.ListIndexedAsync(cancellationToken);
        var missing = new List<string>();
        var stale = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var session = await services.Store.OpenSessionAsync(write: false, cancellationToken);
        string? afterId = null;
        while (true)
        {
            var stamps = await session.ListPackageStampsAsync(afterId, SearchIndexRebuilder.BatchSize, cancellationToken);
            if (stamps.Count == 0)
            {
                break;
            }

            afterId = stamps[^1].Id;
            foreach (var stamp in stamps)
            {
                seen.Add(stamp.Id);
                if (!indexed.TryGetValue(stamp.Id, out var modified))
                {
                    missing.Add(stamp.Id);
                }
                else if (!string.Equals(CkanTime.ToIso(stamp.MetadataModified), modified, StringComparison.Ordinal))
                {
                    stale.Add(stamp.Id);
                }
            }
        }

        var orphaned = indexed.Keys.Where(id => !seen.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return new SearchIndexReport(missing, stale, orphaned);
    }

    /// <summary>
    /// Brings the index in line with the catalog from a report: indexes missing and out-of-date datasets
    /// and removes orphaned ones. Returns how many datasets changed in the index.
    /// </summary>
    public static async Task<int> RepairAsync(
        CkanServices services,
        SearchIndexReport report,
        CancellationToken cancellationToken)
    {
        var toIndex = report.Missing.Concat(report.Stale).ToList();
        for (var start = 0; start < toIndex.Count; start += SearchIndexRebuilder.BatchSize)
        {
            var batch = toIndex.Skip(start).Take(SearchIndexRebuilder.BatchSize).ToList();
            await SearchIndexer.IndexPackagesAsync(services, batch, cancellationToken);
        }

        if (report.Orphaned.Count > 0)
        {
            await services.Search.DeleteAsync(report.Orphaned, cancellationToken);
        }

        return toIndex.Count + report.Orphaned.Count;
    }
}
