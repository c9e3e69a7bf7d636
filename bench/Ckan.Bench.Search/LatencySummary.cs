namespace Ckan.Bench.Search;

/// <summary>Percentiles (nearest rank) and mean of a set of latencies, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double Mean)
{
    public static LatencySummary From(IReadOnlyCollection<double> milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(milliseconds.Count);
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(
            sorted.Length,
            Percentile(sorted, 50),
            Percentile(sorted, 90),
            Percentile(sorted, 99),
            sorted.Average());
    }

    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
