using System.Buffers;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene.Facets;

/// <summary>
/// Counts the values of one facet field: per index segment it counts value ordinals of the matching
/// documents in an array, then adds the counts to per-value totals. A document with a value twice counts
/// once, since doc values keep each value of a document once.
/// </summary>
internal sealed class FieldValueCounter(string field, FacetOrdinalCache cache)
{
    private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);

    public string Field { get; } = field;

    /// <summary>The count of every value found in at least one counted document.</summary>
    public IReadOnlyDictionary<string, int> Totals => _totals;

    /// <summary>Counts the values of the first <paramref name="count"/> documents of one segment.</summary>
    public void CountSegment(AtomicReader reader, int[] documents, int count)
    {
        if (count == 0 || cache.Get(reader, Field) is not { } segment)
        {
            return;
        }

        var starts = segment.Starts;
        var ordinals = segment.Ordinals;
        var values = segment.Values;
        var counts = ArrayPool<int>.Shared.Rent(Math.Max(values.Length, 1));
        Array.Clear(counts, 0, values.Length);
        for (var i = 0; i < count; i++)
        {
            var document = documents[i];
            var end = starts[document + 1];
            for (var position = starts[document]; position < end; position++)
            {
                counts[ordinals[position]]++;
            }
        }

        for (var ordinal = 0; ordinal < values.Length; ordinal++)
        {
            if (counts[ordinal] > 0)
            {
                _totals[values[ordinal]] = _totals.GetValueOrDefault(values[ordinal]) + counts[ordinal];
            }
        }

        ArrayPool<int>.Shared.Return(counts);
    }
}
