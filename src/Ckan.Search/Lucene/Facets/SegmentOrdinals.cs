using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Ckan.Search.Lucene.Facets;

/// <summary>
/// The facet values of one field in one index segment, read once from its sorted-set doc values into
/// flat arrays. The value ordinals of document <c>d</c> are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>,
/// and <c>Values[o]</c> is the text of ordinal <c>o</c>. Counting over arrays avoids decoding doc values
/// on every search. Immutable, so searches share it.
/// </summary>
internal sealed class SegmentOrdinals
{
    private SegmentOrdinals(int[] starts, int[] ordinals, string[] values)
    {
        Starts = starts;
        Ordinals = ordinals;
        Values = values;
    }

    public int[] Starts { get; }
    public int[] Ordinals { get; }
    public string[] Values { get; }

    /// <summary>Reads the field of the segment, or returns null when no document of it has the field.</summary>
    public static SegmentOrdinals? Read(AtomicReader reader, string field)
    {
        var docValues = reader.GetSortedSetDocValues(field);
        if (docValues is null)
        {
            return null;
        }

        var starts = new int[reader.MaxDoc + 1];
        var ordinals = new List<int>(reader.MaxDoc);
        for (var document = 0; document < reader.MaxDoc; document++)
        {
            starts[document] = ordinals.Count;
            docValues.SetDocument(document);
            long ordinal;
            while ((ordinal = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add((int)ordinal);
            }
        }

        starts[reader.MaxDoc] = ordinals.Count;
        var values = new string[checked((int)docValues.ValueCount)];
        var scratch = new BytesRef();
        for (var ordinal = 0; ordinal < values.Length; ordinal++)
        {
            docValues.LookupOrd(ordinal, scratch);
            values[ordinal] = scratch.Utf8ToString();
        }

        return new SegmentOrdinals(starts, [.. ordinals], values);
    }
}
