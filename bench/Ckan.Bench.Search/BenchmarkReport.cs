using System.Globalization;

namespace Ckan.Bench.Search;

/// <summary>
/// Prints the results, each part as soon as it is measured, so a failure later in the run keeps the
/// numbers already taken; the goals come last.
/// </summary>
internal static class BenchmarkReport
{
    public const double RebuildGoal = 2_000;
    public const double P50GoalMilliseconds = 5;
    public const double P99GoalMilliseconds = 30;

    public static void PrintCatalog(TextWriter output, int datasets, int resources, long bytes, TimeSpan generation)
    {
        output.WriteLine(F($"catalog             {datasets:N0} datasets, {resources:N0} resources, ")
            + F($"{Megabytes(bytes)} (generated in {generation.TotalSeconds:F1} s)"));
    }

    public static void PrintRebuild(TextWriter output, RebuildReport rebuild)
    {
        output.WriteLine(F($"rebuild             {rebuild.Datasets:N0} datasets in {rebuild.Elapsed.TotalSeconds:F1} s = ")
            + F($"{rebuild.DatasetsPerSecond:N0} datasets/s"));
        output.WriteLine(F($"  index writes      {rebuild.IndexWriteTime.TotalSeconds:F1} s (Lucene documents, add, commit)"));
        output.WriteLine(F($"  catalog reads     {rebuild.CatalogReadTime.TotalSeconds:F1} s (second pass, no writes)"));
        output.WriteLine(F($"  dictionaries      {rebuild.DictionaryTime.TotalSeconds:F1} s (second pass, no writes)"));
        output.WriteLine(F($"index size          {Megabytes(rebuild.IndexBytes)}"));
        output.WriteLine(F($"peak memory         {PeakText(rebuild)}"));
    }

    public static void PrintLatency(TextWriter output, LatencyReport latency)
    {
        output.WriteLine(F($"portal start        {latency.Startup.TotalSeconds:F1} s ")
            + "(includes the index check against the catalog)");
        output.WriteLine();
        output.WriteLine(F($"latency, ms ({latency.SearchOverHttp.Count} sequential requests each)")
            + "        p50     p90     p99    mean");
        output.WriteLine(Row("package_search over HTTP", latency.SearchOverHttp));
        output.WriteLine(Row("status_show over HTTP", latency.StatusShowOverHttp));
        output.WriteLine(Row("package_search action, in process", latency.SearchAction));
        output.WriteLine(Row("index search alone, in process", latency.IndexSearch));
        output.WriteLine(F($"ratio package_search / status_show, p50  ")
            + F($"{latency.SearchOverHttp.P50 / latency.StatusShowOverHttp.P50:F1}"));
        output.WriteLine(F($"mean package_search response             {latency.MeanResponseBytes:N0} B"));
        output.WriteLine();
        output.WriteLine("package_search over HTTP, by kind         p50     p90     p99    mean  mean count  no hits");
        foreach (var kind in latency.Kinds)
        {
            output.WriteLine(Row(kind.Kind, kind.Latency) + F($" {kind.MeanCount,11:N0} {kind.ZeroCount,8}"));
        }
    }

    public static void PrintGoals(TextWriter output, RebuildReport rebuild, LatencyReport latency)
    {
        var search = latency.SearchOverHttp;
        output.WriteLine();
        output.WriteLine(Goal(
            F($"rebuild >= {RebuildGoal:N0} datasets/s"),
            rebuild.DatasetsPerSecond >= RebuildGoal,
            F($"{rebuild.DatasetsPerSecond:N0} datasets/s")));
        output.WriteLine(Goal(
            F($"package_search p50 < {P50GoalMilliseconds} ms"),
            search.P50 < P50GoalMilliseconds,
            F($"{search.P50:F2} ms")));
        output.WriteLine(Goal(
            F($"package_search p99 < {P99GoalMilliseconds} ms"),
            search.P99 < P99GoalMilliseconds,
            F($"{search.P99:F2} ms")));
    }

    private static string Row(string name, LatencySummary summary) =>
        F($"{name,-40} {summary.P50,7:F2} {summary.P90,7:F2} {summary.P99,7:F2} {summary.Mean,7:F2}");

    private static string Goal(string goal, bool isMet, string measured) =>
        F($"goal {goal,-34} {(isMet ? "met" : "NOT met"),-8} ({measured})");

    private static string PeakText(RebuildReport rebuild) =>
        rebuild.PeakResidentBytes is { } peak
            ? F($"{Megabytes(peak)} peak working set during the rebuild (VmHWM, reset at its start; ")
                + F($"{Megabytes(rebuild.ResidentBytesBefore ?? 0)} were resident then)")
            : "not measured: /proc/self/clear_refs could not be written to reset VmHWM";

    private static string Megabytes(long bytes) => F($"{bytes / (1024.0 * 1024.0):N0} MiB");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
