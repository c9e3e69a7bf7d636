using Lucene.Net.Analysis;

namespace Ckan.Search.Lucene.Indexing;

/// <summary>
/// Numeric token streams of one precision step, reused from one document to the next. Lucene's numeric
/// fields create a stream with its own attributes for every value, and Lucene.NET looks the attribute
/// types up under a lock. Not thread safe: each indexing thread has its own.
/// </summary>
internal sealed class NumericTokenStreams(int precisionStep)
{
    private readonly List<NumericTokenStream> _streams = [];
    private int _used;

    /// <summary>Makes every stream available again; call it before building the next document.</summary>
    public void Clear() => _used = 0;

    /// <summary>Returns a stream that indexes <paramref name="value"/>, unused in the current document.</summary>
    public TokenStream Take(long value) => Next().SetInt64Value(value);

    /// <summary>Returns a stream that indexes <paramref name="value"/>, unused in the current document.</summary>
    public TokenStream Take(int value) => Next().SetInt32Value(value);

    private NumericTokenStream Next()
    {
        if (_used == _streams.Count)
        {
            _streams.Add(new NumericTokenStream(precisionStep));
        }

        return _streams[_used++];
    }
}
