using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene.Facets;

/// <summary>
/// Keeps facet counts of searches that match every visible dataset (q empty or <c>*:*</c>, as on the
/// dataset list page), per index reader: the counts only change when a write opens a new reader. Keys
/// name the filters and the field. Holds at most <see cref="CapacityPerReader"/> entries per reader and
/// starts over when full. Thread safe; cached counts are never changed.
/// </summary>
internal sealed class FacetTotalsCache
{
    public const int CapacityPerReader = 128;

    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, IReadOnlyDictionary<string, int>>>
        _readers = [];

    /// <summary>Returns the cached counts of the key for this reader, or null.</summary>
    public IReadOnlyDictionary<string, int>? Get(IndexReader reader, string key) =>
        _readers.TryGetValue(reader, out var entries) && entries.TryGetValue(key, out var totals) ? totals : null;

    /// <summary>Stores counts that no one changes afterwards.</summary>
    public void Add(IndexReader reader, string key, IReadOnlyDictionary<string, int> totals)
    {
        var entries = _readers.GetValue(
            reader,
            _ => new ConcurrentDictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal));
        if (entries.Count >= CapacityPerReader)
        {
            entries.Clear();
        }

        entries[key] = totals;
    }
}
