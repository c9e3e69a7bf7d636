using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ckan.Search.Lucene.Indexing;

/// <summary>
/// Keeps the tokens of analyzed values of one document, so a value indexed in two fields (a text field
/// and its copy in the catch-all <c>text</c>) is analyzed once and replayed for both. Not thread safe:
/// each indexing thread has its own, cleared before each document.
/// </summary>
internal sealed class TokenRecorder
{
    private char[] _chars = new char[16 * 1024];
    private RecordedToken[] _tokens = new RecordedToken[2048];
    private int _charCount;
    private int _tokenCount;

    /// <summary>Forgets every recorded value; earlier <see cref="RecordedValue"/> handles become invalid.</summary>
    public void Clear()
    {
        _charCount = 0;
        _tokenCount = 0;
    }

    /// <summary>Consumes the stream to its end, disposes it, and returns a handle on its tokens.</summary>
    public RecordedValue Record(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var first = _tokenCount;
        try
        {
            stream.Reset();
            while (stream.IncrementToken())
            {
                Add(term, position.PositionIncrement, offset.StartOffset, offset.EndOffset);
            }

            stream.End();
            return new RecordedValue(first, _tokenCount - first, position.PositionIncrement, offset.EndOffset);
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>Returns a recorded token; its text is <see cref="Chars"/> from its start for its length.</summary>
    public ref readonly RecordedToken Token(int index) => ref _tokens[index];

    /// <summary>The text of every recorded token, one after another.</summary>
    public char[] Chars => _chars;

    private void Add(ICharTermAttribute term, int positionIncrement, int startOffset, int endOffset)
    {
        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        if (_tokenCount == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        Array.Copy(term.Buffer, 0, _chars, _charCount, term.Length);
        _tokens[_tokenCount++] = new RecordedToken(_charCount, term.Length, positionIncrement, startOffset, endOffset);
        _charCount += term.Length;
    }
}
