using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Ckan.Search.Lucene.Indexing;

/// <summary>
/// Plays back a value recorded by <see cref="TokenRecorder"/> with the same terms, position increments
/// and offsets, so Lucene indexes exactly what the analysis produced.
/// </summary>
/// <remarks>
/// The attributes are shared with every other stream of the same indexing thread, because Lucene reads
/// one field's stream to its end before it opens the next. Creating attributes for each stream looks
/// their types up under a lock in Lucene.NET, which took about a tenth of indexing time in a profile.
/// </remarks>
internal sealed class ReplayTokenStream : TokenStream
{
    private readonly TokenRecorder _recorder;
    private readonly RecordedValue _value;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;
    private int _next;

    public ReplayTokenStream(AttributeSource sharedAttributes, TokenRecorder recorder, RecordedValue value)
        : base(sharedAttributes)
    {
        _recorder = recorder;
        _value = value;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next == _value.TokenCount)
        {
            return false;
        }

        ClearAttributes();
        ref readonly var token = ref _recorder.Token(_value.FirstToken + _next);
        _term.CopyBuffer(_recorder.Chars, token.CharStart, token.Length);
        _position.PositionIncrement = token.PositionIncrement;
        _offset.SetOffset(token.StartOffset, token.EndOffset);
        _next++;
        return true;
    }

    public override void End()
    {
        base.End();
        _position.PositionIncrement = _value.FinalPositionIncrement;
        _offset.SetOffset(_value.FinalOffset, _value.FinalOffset);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
