namespace Ckan.Bench.Search;

/// <summary>Picks items at random with probability proportional to their weights.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly long[] _cumulative;

    public WeightedChoice(IReadOnlyList<T> items, Func<T, int> weight)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        _items = items;
        _cumulative = new long[items.Count];
        long total = 0;
        for (var i = 0; i < items.Count; i++)
        {
            total += Math.Max(weight(items[i]), 1);
            _cumulative[i] = total;
        }
    }

    public int Count => _items.Count;

    public T Next(Random random)
    {
        var target = random.NextInt64(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, target + 1);
        return _items[index >= 0 ? index : ~index];
    }
}
