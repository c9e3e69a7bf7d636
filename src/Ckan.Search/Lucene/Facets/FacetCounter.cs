using Lucene.Net.Index;

namespace Ckan.Search.Lucene.Facets;

/// <summary>
/// Counts facet values over the documents a search matches, without Lucene's facet module: facet fields
/// are indexed as sorted-set doc values, whose ordinals are counted per segment. The matching documents
/// of a segment are buffered and then counted one field at a time, which keeps each field's arrays in
/// the processor cache. Fields without such values (text, dates, or fields no dataset has) get no values.
/// </summary>
internal sealed class FacetCounter(IReadOnlyList<string> fields, FacetOrdinalCache cache)
{
    private readonly FieldValueCounter[] _fields = fields
        .Distinct(StringComparer.Ordinal)
        .Select(field => new FieldValueCounter(field, cache))
        .ToArray();

    private AtomicReader? _segment;
    private int[] _documents = new int[1024];
    private int _count;

    /// <summary>Counts the buffered documents of the previous segment and starts buffering a new one.</summary>
    public void StartSegment(AtomicReader reader)
    {
        CountBuffered();
        _segment = reader;
    }

    /// <summary>Buffers one matching document of the current segment.</summary>
    public void Collect(int document)
    {
        if (_count == _documents.Length)
        {
            Array.Resize(ref _documents, _documents.Length * 2);
        }

        _documents[_count++] = document;
    }

    /// <summary>Returns, per field, the count of every value found in at least one matching document.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Totals()
    {
        CountBuffered();
        return _fields.ToDictionary(field => field.Field, field => field.Totals, StringComparer.Ordinal);
    }

    private void CountBuffered()
    {
        if (_segment is not null)
        {
            foreach (var field in _fields)
            {
                field.CountSegment(_segment, _documents, _count);
            }
        }

        _segment = null;
        _count = 0;
    }
}
