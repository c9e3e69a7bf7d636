using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ckan.Bench.Search;

namespace Ckan.Bench.IngestDataStore;

/// <summary>
/// For each row count: writes the CSV, times psql's <c>\copy</c> of it into a text table before and after
/// the portal's load, runs the DataPusher's load into PostgreSQL and into SQLite (each in a child process),
/// and prints a table of the results.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string adminUrl, IReadOnlyList<long> sizes, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ckan-bench-ingest-ds-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var results = new List<SizeResult>();
        try
        {
            foreach (var rows in sizes)
            {
                results.Add(await MeasureAsync(adminUrl, folder, rows, cancellationToken));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        PrintTable(results);
        return 0;
    }

    private static async Task<SizeResult> MeasureAsync(string adminUrl, string folder, long rows, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, $"generated-{rows}.csv");
        WideCsvGenerator.Write(path, rows);
        var megabytes = new FileInfo(path).Length / 1048576.0;
        Log($"{rows:N0} rows, {megabytes:F1} MiB written; load average {Load()}");
        try
        {
            var psqlBefore = await PsqlCopy.TimeAsync(adminUrl, path, cancellationToken);
            Log($"psql \\copy: {psqlBefore:F2} s; load average {Load()}");
            var postgres = await RunChildAsync(["push", adminUrl, path, Number(rows)], cancellationToken);
            Log($"DataPusher job into PostgreSQL: {postgres.PushSeconds:F2} s ({postgres.ProcessorSeconds:F2} s of processor time), "
                + $"q answered {postgres.FullTextSeconds:F2} s later; load average {Load()}");
            var psqlAfter = await PsqlCopy.TimeAsync(adminUrl, path, cancellationToken);
            Log($"psql \\copy: {psqlAfter:F2} s; load average {Load()}");
            var sqlite = await RunChildAsync(["push", "-", path, Number(rows)], cancellationToken);
            Log($"DataPusher job into SQLite: {sqlite.PushSeconds:F2} s; load average {Load()}");
            return new SizeResult(rows, megabytes, (psqlBefore + psqlAfter) / 2, postgres, sqlite);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<PushMeasurement> RunChildAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own path is unknown.");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(executable) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IngestBenchmark).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The load process did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The load process failed with exit code {process.ExitCode}.");
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonSerializer.Deserialize<PushMeasurement>(line)
            ?? throw new InvalidOperationException("The load process printed no result: " + output);
    }

    private static void PrintTable(IReadOnlyList<SizeResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| measure | " + string.Join(" | ", results.Select(result => $"{result.Rows:N0} rows ({result.Megabytes:F0} MiB)")) + " |");
        Console.WriteLine("| --- |" + string.Concat(results.Select(_ => " --- |")));
        Row(results, "psql `\\copy` into text columns (mean of 2)", result => $"{result.PsqlSeconds:F2} s");
        Row(results, "DataPusher job into PostgreSQL, to `datastore_active`", result => Rate(result.Postgres));
        Row(results, "**ratio job / psql** (goal ≤ 1.5)", result => $"**{result.Postgres.PushSeconds / result.PsqlSeconds:F2}**");
        Row(results, "processor time of the job's process (client side only)", result => $"{result.Postgres.ProcessorSeconds:F2} s");
        Row(results, "then first `q` answered (full text completed)", result => $"{result.Postgres.FullTextSeconds:F2} s, {result.Postgres.FullTextMatches:N0} matches");
        Row(results, "peak RSS, PostgreSQL job (goal < 300 MiB)", result => Peak(result.Postgres));
        Row(results, "DataPusher job into SQLite", result => Rate(result.Sqlite));
        Row(results, "processor time of the job's process", result => $"{result.Sqlite.ProcessorSeconds:F2} s");
        Row(results, "then first `q` answered", result => $"{result.Sqlite.FullTextSeconds:F2} s, {result.Sqlite.FullTextMatches:N0} matches");
        Row(results, "peak RSS, SQLite job (goal < 300 MiB)", result => Peak(result.Sqlite));
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {Load()} on {Environment.ProcessorCount} cores.");
    }

    private static void Row(IReadOnlyList<SizeResult> results, string name, Func<SizeResult, string> cell) =>
        Console.WriteLine($"| {name} | " + string.Join(" | ", results.Select(cell)) + " |");

    private static string Rate(PushMeasurement measurement) =>
        $"{measurement.PushSeconds:F2} s ({measurement.Rows / measurement.PushSeconds:N0} rows/s)";

    private static string Peak(PushMeasurement measurement) =>
        $"{measurement.PeakResidentBytes / 1048576.0:F0} MiB ({measurement.ResidentBeforeBytes / 1048576.0:F0} MiB at the start)";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Load() => SystemLoad.OneMinute()?.ToString("F1", CultureInfo.InvariantCulture) ?? "unknown";

    private static void Log(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");

    private sealed record SizeResult(
        long Rows,
        double Megabytes,
        double PsqlSeconds,
        PushMeasurement Postgres,
        PushMeasurement Sqlite);
}
