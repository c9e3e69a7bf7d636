using Ckan.Core.Search;

namespace Ckan.Search.Lucene.Facets;

/// <summary>Orders and cuts facet counts as Solr returns them.</summary>
internal static class FacetRanking
{
    /// <summary>
    /// Returns, per field, the values with at least <paramref name="minimumCount"/> matches, highest count
    /// first and then by value in ordinal order, at most <paramref name="limit"/> of them (all when
    /// negative). With a minimum of 0, the values in <paramref name="visibleValues"/> that no match has
    /// are added with a count of 0; these are the values of datasets the caller may see, so a zero count
    /// never reveals a value of a dataset hidden from the caller.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Rank(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> counts,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? visibleValues,
        int limit,
        int minimumCount)
    {
        var results = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var (field, values) in counts)
        {
            var merged = new Dictionary<string, int>(values, StringComparer.Ordinal);
            if (minimumCount <= 0 && visibleValues is not null && visibleValues.TryGetValue(field, out var visible))
            {
                foreach (var value in visible.Keys)
                {
                    merged.TryAdd(value, 0);
                }
            }

            var ranked = merged
                .Where(pair => pair.Value >= minimumCount)
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new FacetCount(pair.Key, pair.Value));
            results[field] = (limit < 0 ? ranked : ranked.Take(limit)).ToList();
        }

        return results;
    }
}
