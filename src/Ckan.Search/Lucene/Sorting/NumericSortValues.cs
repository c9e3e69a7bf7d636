using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene.Sorting;

/// <summary>
/// Keeps the numeric sort keys (dates as epoch milliseconds, integers) of each index segment in plain
/// arrays for as long as the segment exists, keyed by the segment's core, which deletions do not change.
/// Comparing array values is several times faster than decoding doc values for each candidate hit, which
/// matters when every dataset matches. Documents without the value read 0. Thread safe.
/// </summary>
internal sealed class NumericSortValues
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<long[]>>> _segments = [];

    /// <summary>Returns the values of the doc-values field for every document of the segment.</summary>
    public long[] Get(AtomicReader reader, string field)
    {
        var fields = _segments.GetValue(
            reader.CoreCacheKey,
            _ => new ConcurrentDictionary<string, Lazy<long[]>>(StringComparer.Ordinal));
        return fields.GetOrAdd(field, name => new Lazy<long[]>(() => Read(reader, name))).Value;
    }

    private static long[] Read(AtomicReader reader, string field)
    {
        var values = new long[reader.MaxDoc];
        var docValues = reader.GetNumericDocValues(field);
        if (docValues is null)
        {
            return values;
        }

        for (var document = 0; document < values.Length; document++)
        {
            values[document] = docValues.Get(document);
        }

        return values;
    }
}
