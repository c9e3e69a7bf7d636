using System.Globalization;
using Ckan.Core.Config;
using Ckan.Storage;

namespace Ckan.Bench.Search;

/// <summary>
/// Generates a catalog of datasets shaped like published ones, times <c>ckan search-index rebuild</c>
/// over it, then times package_search over HTTP beside status_show, and prints the results.
/// Everything lives in a new folder under the system's temporary folder, deleted at the end.
/// </summary>
public static class SearchBenchmark
{
    // A fixed seed makes every run generate the same catalog and send the same requests.
    private const int Seed = 20_000;

    private const int DefaultDatasets = 100_000;
    private const int DefaultRequests = 2_000;
    private const int WarmUpRequests = 300;

    private const string CpuMode = "--cpu";
    private const int DefaultCpuDatasets = 10_000;
    private const int DefaultCpuRounds = 3;

    /// <summary>
    /// Runs the benchmark and returns the exit code. Arguments: [datasets] [requests] [folder of real
    /// dataset .jsonl files], or <c>--cpu</c> [datasets] [rounds] [folder of real dataset .jsonl files]
    /// to measure the processor time of indexing on one thread (<see cref="IndexingCpuMeasurement"/>).
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == CpuMode)
        {
            return await RunCpuAsync(args[1..]);
        }

        if (ParseCount(args, 0, "datasets", DefaultDatasets) is not { } datasets
            || ParseCount(args, 1, "requests", DefaultRequests) is not { } requests)
        {
            return 2;
        }

        var realData = args.Length > 2 ? args[2] : FindRealDataFolder();
        var folder = Path.Combine(Path.GetTempPath(), "ckan-bench-search-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await RunInFolderAsync(folder, realData, datasets, requests, CancellationToken.None);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunCpuAsync(string[] args)
    {
        if (ParseCount(args, 0, "datasets", DefaultCpuDatasets) is not { } datasets
            || ParseCount(args, 1, "rounds", DefaultCpuRounds) is not { } rounds)
        {
            return 2;
        }

        var realData = args.Length > 2 ? args[2] : FindRealDataFolder();
        var folder = Path.Combine(Path.GetTempPath(), "ckan-bench-cpu-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await IndexingCpuMeasurement.RunAsync(folder, realData, datasets, rounds, Seed, CancellationToken.None);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunInFolderAsync(
        string folder,
        string realData,
        int datasetCount,
        int requestCount,
        CancellationToken cancellationToken)
    {
        var databasePath = Path.Combine(folder, "ckan.db");
        var config = CkanConfig.FromOptions(new Dictionary<string, string>
        {
            ["sqlalchemy.url"] = "sqlite:///" + databasePath,
            ["ckan.site_url"] = "http://127.0.0.1",
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
            ["ckan.search.index_path"] = Path.Combine(folder, "search_index"),
        });

        var sample = RealDatasetSample.Load(realData);
        Console.Error.WriteLine($"Sample: {sample.Datasets.Count} datasets from {realData}");
        var (generated, generation) = await GenerateAsync(config, sample, datasetCount, cancellationToken);
        var catalogBytes = Directory.GetFiles(folder, "ckan.db*").Sum(file => new FileInfo(file).Length);
        var resources = generated.Sum(dataset => dataset.ResourceCount);
        BenchmarkReport.PrintCatalog(Console.Out, datasetCount, resources, catalogBytes, generation);

        var rebuild = await RebuildMeasurement.RunAsync(
            config, Path.Combine(folder, "search_index"), cancellationToken);
        BenchmarkReport.PrintRebuild(Console.Out, rebuild);

        var mix = new QueryMix(generated, new Random(Seed));
        var warmUp = mix.Create(WarmUpRequests);
        var measured = mix.Create(requestCount);
        Console.Error.WriteLine($"Timing {requestCount} package_search and status_show requests");
        var latency = await LatencyMeasurement.RunAsync(config, warmUp, measured, cancellationToken);
        BenchmarkReport.PrintLatency(Console.Out, latency);
        BenchmarkReport.PrintGoals(Console.Out, rebuild, latency);
    }

    private static async Task<(IReadOnlyList<GeneratedDataset> Datasets, TimeSpan Elapsed)> GenerateAsync(
        CkanConfig config,
        RealDatasetSample sample,
        int datasetCount,
        CancellationToken cancellationToken)
    {
        var (store, migrator) = CatalogStoreFactory.Create(config);
        try
        {
            await migrator.UpgradeAsync(cancellationToken);
            var started = TimeProvider.System.GetTimestamp();
            var progress = new Progress<int>(done =>
                Console.Error.Write($"\rGenerating dataset {done}/{datasetCount}"));
            var generated = await new CatalogGenerator(sample, Seed)
                .WriteAsync(store, datasetCount, progress, cancellationToken);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            Console.Error.WriteLine();
            return (generated, elapsed);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>Returns the count at <paramref name="position"/>, or null after printing why it is invalid.</summary>
    private static int? ParseCount(string[] args, int position, string name, int fallback)
    {
        if (args.Length <= position || args[position].Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(args[position], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine(
                $"Invalid number of {name} \"{args[position]}\": expected a whole number of at least 1.");
            return null;
        }

        return count;
    }

    private static string FindRealDataFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ckan.slnx")))
        {
            directory = directory.Parent;
        }

        var folder = directory?.Parent is null
            ? null
            : Path.Combine(directory.Parent.FullName, "shared", "data", "real", "datasets");
        return folder is not null && Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException(
                "No folder of real datasets found at ../shared/data/real/datasets beside the repository; "
                + "pass one as the third argument.");
    }
}
