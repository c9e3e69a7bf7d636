using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene.Facets;

/// <summary>
/// Keeps the <see cref="SegmentOrdinals"/> of each facet field per index segment for as long as the
/// segment exists, keyed by the segment's core, which deletions do not change. The first search that
/// counts a field in a new segment reads it. Thread safe.
/// </summary>
internal sealed class FacetOrdinalCache
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<SegmentOrdinals?>>> _segments =
        [];

    /// <summary>Returns the field's ordinals in the segment, or null when the segment has no such values.</summary>
    public SegmentOrdinals? Get(AtomicReader reader, string field)
    {
        var fields = _segments.GetValue(
            reader.CoreCacheKey,
            _ => new ConcurrentDictionary<string, Lazy<SegmentOrdinals?>>(StringComparer.Ordinal));
        var ordinals = fields.GetOrAdd(
            field,
            name => new Lazy<SegmentOrdinals?>(() => SegmentOrdinals.Read(reader, name)));
        return ordinals.Value;
    }
}
