using System.Globalization;

namespace Ckan.Bench.Search;

/// <summary>
/// Prints the results, each part as soon as it is measured, so a failure later in the run keeps the
/// numbers already taken. The goals come last.
/// </summary>
internal static class BenchmarkReport
{
    public const double RebuildGoal = 2_000;
    public const double P50GoalMilliseconds = 5;
    public const double P99GoalMilliseconds = 30;

    private const int LabelWidth = 40;

    public static void PrintCatalog(TextWriter output, int datasets, int resources, long bytes, TimeSpan generation)
    {
        output.WriteLine(Line(
            "catalog",
            F($"{datasets:N0} datasets, {resources:N0} resources, {Megabytes(bytes)}, ")
                + F($"generated in {generation.TotalSeconds:F1} s")));
    }

    public static void PrintRebuild(TextWriter output, RebuildReport rebuild)
    {
        output.WriteLine(Line(
            "rebuild",
            F($"{rebuild.Datasets:N0} datasets in {rebuild.Elapsed.TotalSeconds:F1} s = ")
                + F($"{rebuild.DatasetsPerSecond:N0} datasets/s")));
        output.WriteLine(Line(
            "  processor time",
            F($"{rebuild.ProcessorTime.TotalSeconds:F1} s on all cores, ")
                + F($"{rebuild.ProcessorTime / rebuild.Elapsed:F2} cores busy on average")));
        output.WriteLine(Line(
            "  index writes",
            F($"{rebuild.IndexWriteTime.TotalSeconds:F1} s (Lucene documents, add, commit)")));
        output.WriteLine(Line(
            "  catalog reads",
            F($"{rebuild.CatalogReadTime.TotalSeconds:F1} s (second pass, no writes)")));
        output.WriteLine(Line(
            "  dictionaries",
            F($"{rebuild.DictionaryTime.TotalSeconds:F1} s (second pass, no writes)")));
        output.WriteLine(Line("index size", F($"{Megabytes(rebuild.IndexBytes)} in {rebuild.Segments} segments")));
        output.WriteLine(Line("peak memory", PeakText(rebuild)));
        output.WriteLine(Line("load average during the rebuild", LoadText(rebuild.Load)));
    }

    public static void PrintLatency(TextWriter output, LatencyReport latency)
    {
        output.WriteLine(Line(
            "portal start",
            F($"{latency.Startup.TotalSeconds:F1} s, including the index check against the catalog")));
        output.WriteLine(Line(
            "page faults read from disk (HTTP)",
            latency.MajorFaults?.ToString("N0", CultureInfo.InvariantCulture) ?? "not available"));
        output.WriteLine(Line("load average during HTTP requests", LoadText(latency.Load)));
        output.WriteLine(Line("mean package_search response", F($"{latency.MeanResponseBytes:N0} B")));
        output.WriteLine();

        var title = F($"latency in ms, {latency.SearchOverHttp.Count} requests each");
        output.WriteLine(title.PadRight(LabelWidth) + "     p50     p90     p99    mean");
        output.WriteLine(Row("package_search over HTTP", latency.SearchOverHttp));
        output.WriteLine(Row("status_show over HTTP", latency.StatusShowOverHttp));
        output.WriteLine(Row("package_search action, in process", latency.SearchAction));
        output.WriteLine(Row("index search alone, in process", latency.IndexSearch));
        output.WriteLine(Line(
            "p50 package_search / status_show",
            F($"{latency.SearchOverHttp.P50 / latency.StatusShowOverHttp.P50:F1}")));
        output.WriteLine();

        output.WriteLine("package_search over HTTP, by kind".PadRight(LabelWidth)
            + "     p50     p90     p99    mean  mean count  no hits");
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

    private static string Line(string label, string value) => label.PadRight(LabelWidth) + value;

    private static string Row(string name, LatencySummary summary) =>
        name.PadRight(LabelWidth)
        + F($"{summary.P50,8:F2}{summary.P90,8:F2}{summary.P99,8:F2}{summary.Mean,8:F2}");

    private static string Goal(string goal, bool isMet, string measured) =>
        Line("goal " + goal, F($"{(isMet ? "met" : "NOT met"),-8} ({measured})"));

    private static string PeakText(RebuildReport rebuild) =>
        rebuild.PeakResidentBytes is { } peak
            ? F($"{Megabytes(peak)} peak working set (VmHWM since the rebuild started; ")
                + F($"{Megabytes(rebuild.ResidentBytesBefore ?? 0)} were resident then)")
            : "not measured: /proc/self/clear_refs could not be written to reset VmHWM";

    private static string LoadText((double? Start, double? End) load) =>
        load is (double start, double end)
            ? F($"{start:F2} at the start, {end:F2} at the end (1 minute, this process included)")
            : "not available";

    private static string Megabytes(long bytes) => F($"{bytes / (1024.0 * 1024.0):N0} MiB");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
