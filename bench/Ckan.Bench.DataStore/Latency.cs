namespace Ckan.Bench.DataStore;

/// <summary>Percentiles of a set of request times, in milliseconds.</summary>
internal sealed record Latency(int Count, double P50, double P90, double P99, double Max)
{
    public static Latency From(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double share) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(share * milliseconds.Count) - 1)];
        return new Latency(milliseconds.Count, At(0.50), At(0.90), At(0.99), milliseconds[^1]);
    }

    public override string ToString() => $"n={Count} p50={P50:F2} ms p90={P90:F2} ms p99={P99:F2} ms max={Max:F2} ms";
}
