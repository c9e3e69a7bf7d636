using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Ckan.Search.Lucene.Indexing;

/// <summary>
/// The single token of an exact field: the whole value, as Lucene's own stream for untokenized fields
/// gives it, but on attributes shared by the indexing thread (see <see cref="ReplayTokenStream"/>).
/// </summary>
internal sealed class WholeValueTokenStream : TokenStream
{
    private readonly string _value;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private bool _used;

    public WholeValueTokenStream(AttributeSource sharedAttributes, string value)
        : base(sharedAttributes)
    {
        _value = value;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_used)
        {
            return false;
        }

        ClearAttributes();
        _term.SetEmpty().Append(_value);
        _offset.SetOffset(0, _value.Length);
        _used = true;
        return true;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_value.Length, _value.Length);
    }

    public override void Reset()
    {
        base.Reset();
        _used = false;
    }
}
