using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Sorting;

/// <summary>
/// Compares hits by a numeric sort key read from <see cref="NumericSortValues"/>. Lucene.NET requires a
/// reference type for the value, hence J2N's boxed long, which is only created when a value is read out.
/// </summary>
internal sealed class NumericSortComparer(string field, int hitCount, NumericSortValues cache)
    : FieldComparer<J2N.Numerics.Int64>
{
    private readonly long[] _slots = new long[hitCount];
    private long[] _current = [];
    private long _bottom;
    private long _top;

    public override J2N.Numerics.Int64 this[int slot] => J2N.Numerics.Int64.GetInstance(_slots[slot]);

    public override int Compare(int slot1, int slot2) => _slots[slot1].CompareTo(_slots[slot2]);

    public override void SetBottom(int slot) => _bottom = _slots[slot];

    public override void SetTopValue(J2N.Numerics.Int64 value) => _top = value.ToInt64();

    public override int CompareBottom(int doc) => _bottom.CompareTo(_current[doc]);

    public override int CompareTop(int doc) => _top.CompareTo(_current[doc]);

    public override void Copy(int slot, int doc) => _slots[slot] = _current[doc];

    public override FieldComparer SetNextReader(AtomicReaderContext context)
    {
        _current = cache.Get(context.AtomicReader, field);
        return this;
    }
}

/// <summary>Creates <see cref="NumericSortComparer"/> instances for a Lucene sort field.</summary>
internal sealed class NumericSortSource(NumericSortValues cache) : FieldComparerSource
{
    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new NumericSortComparer(fieldname, numHits, cache);
}
