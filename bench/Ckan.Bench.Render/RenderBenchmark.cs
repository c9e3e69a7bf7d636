using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Ckan.Bench.Search;
using Ckan.Core.Config;
using Ckan.Storage;
using Ckan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Ckan.Bench.Render;

/// <summary>
/// Generates a catalog of datasets shaped like published ones with the search benchmark's generator.
/// Then starts the portal on Kestrel at 127.0.0.1 and times server-rendered pages over HTTP from one
/// client: the dataset search page with its facets, the same page filtered, and a dataset's page. Each
/// page request is followed by a status_show API request, the reference measured under the same conditions.
/// Everything lives in a new folder under the system's temporary folder, deleted at the end.
/// </summary>
public static class RenderBenchmark
{
    // A fixed seed makes every run generate the same catalog and request the same pages.
    private const int Seed = 20_000;

    private const int DefaultDatasets = 10_000;
    private const int DefaultRequests = 1_000;
    private const int WarmUpRounds = 100;
    private const double GoalP50Milliseconds = 20;
    private const string StatusShowPath = "/api/3/action/status_show";

    /// <summary>
    /// Runs the benchmark and returns the exit code. Arguments: [datasets] [requests per page kind]
    /// [folder of real dataset .jsonl files].
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (ParseCount(args, 0, "datasets", DefaultDatasets) is not { } datasets
            || ParseCount(args, 1, "requests", DefaultRequests) is not { } requests)
        {
            return 2;
        }

        if (args.Length < 3 || !Directory.Exists(args[2]))
        {
            Console.Error.WriteLine("Pass the folder of real dataset .jsonl files as the third argument.");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "ckan-bench-render-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await RunInFolderAsync(folder, args[2], datasets, requests, CancellationToken.None);
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
        var port = FindFreePort();
        var baseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var config = CkanConfig.FromOptions(new Dictionary<string, string>
        {
            ["sqlalchemy.url"] = "sqlite:///" + Path.Combine(folder, "ckan.db"),
            ["ckan.site_url"] = baseUrl,
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
            ["ckan.search.index_path"] = Path.Combine(folder, "search_index"),
        });

        var generated = await GenerateAsync(config, RealDatasetSample.Load(realData), datasetCount, cancellationToken);

        // The portal indexes the new catalog while it starts, as after any write it did not see.
        Console.Error.WriteLine("Starting the portal and indexing the catalog");
        var app = await CkanWebHost.BuildAsync(
            config, baseUrl, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning), cancellationToken);
        await using (app)
        {
            await app.StartAsync(cancellationToken);

            // No proxy, whatever the environment sets, so every request goes straight to the portal on loopback.
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false })
            {
                BaseAddress = new Uri(baseUrl),
            };
            var kinds = await ChoosePagesAsync(client, generated, cancellationToken);
            await TimeAsync(client, kinds, WarmUpRounds, cancellationToken);
            Console.Error.WriteLine($"Timing {requestCount} requests of each page and of status_show");
            var loadAtStart = SystemLoad.OneMinute();
            var timings = await TimeAsync(client, kinds, requestCount, cancellationToken);
            var loadAtEnd = SystemLoad.OneMinute();
            await app.StopAsync(cancellationToken);
            Print(datasetCount, kinds, timings, (loadAtStart, loadAtEnd));
        }
    }

    private static async Task<IReadOnlyList<GeneratedDataset>> GenerateAsync(
        CkanConfig config,
        RealDatasetSample sample,
        int datasetCount,
        CancellationToken cancellationToken)
    {
        var (store, migrator) = CatalogStoreFactory.Create(config);
        try
        {
            await migrator.UpgradeAsync(cancellationToken);
            var progress = new Progress<int>(done => Console.Error.Write($"\rGenerating dataset {done}/{datasetCount}"));
            var generated = await new CatalogGenerator(sample, Seed)
                .WriteAsync(store, datasetCount, progress, cancellationToken);
            Console.Error.WriteLine();
            return generated;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Picks the paths: the search page with no query, the search page filtered by a tag or
    /// an organization of a generated dataset, and the pages of datasets spread over the catalog.
    /// </summary>
    private static async Task<IReadOnlyList<PageKind>> ChoosePagesAsync(
        HttpClient client,
        IReadOnlyList<GeneratedDataset> generated,
        CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var filtered = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var dataset = generated[random.Next(generated.Count)];
            filtered.Add(dataset.Tags.Count > 0 && i % 2 == 0
                ? "/dataset?tags=" + Uri.EscapeDataString(dataset.Tags[random.Next(dataset.Tags.Count)])
                : "/dataset?organization=" + Uri.EscapeDataString(dataset.Organization ?? ""));
        }

        using var list = await client.GetAsync("/api/3/action/package_list?limit=1000", cancellationToken);
        list.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await list.Content.ReadAsStreamAsync(cancellationToken));
        var names = document.RootElement.GetProperty("result").EnumerateArray()
            .Select(name => name.GetString()!)
            .OrderBy(_ => random.Next())
            .Take(200)
            .Select(name => "/dataset/" + name)
            .ToList();
        return
        [
            new PageKind("/dataset (search page, facets)", ["/dataset"]),
            new PageKind("/dataset?tags=… or organization=…", filtered),
            new PageKind("/dataset/<name> (dataset page)", names),
        ];
    }

    /// <summary>Requests each kind's next path and then status_show, <paramref name="rounds"/> times.</summary>
    private static async Task<List<List<(double Milliseconds, int Bytes)>>> TimeAsync(
        HttpClient client,
        IReadOnlyList<PageKind> kinds,
        int rounds,
        CancellationToken cancellationToken)
    {
        var timings = Enumerable.Range(0, kinds.Count + 1)
            .Select(_ => new List<(double Milliseconds, int Bytes)>(rounds))
            .ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var kind = 0; kind < kinds.Count; kind++)
            {
                var paths = kinds[kind].Paths;
                timings[kind].Add(await GetAsync(client, paths[round % paths.Count], cancellationToken));
                timings[kinds.Count].Add(await GetAsync(client, StatusShowPath, cancellationToken));
            }
        }

        return timings;
    }

    private static async Task<(double Milliseconds, int Bytes)> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        using var response = await client.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} returned {(int)response.StatusCode} ({body.Length} bytes).");
        }

        return (elapsed.TotalMilliseconds, body.Length);
    }

    private static void Print(
        int datasetCount,
        IReadOnlyList<PageKind> kinds,
        List<List<(double Milliseconds, int Bytes)>> timings,
        (double? Start, double? End) load)
    {
        var output = Console.Out;
        output.WriteLine(FormattableString.Invariant(
            $"Catalog: {datasetCount} datasets. Load average (1 min): {Show(load.Start)} at start, {Show(load.End)} at end."));
        output.WriteLine();
        output.WriteLine("| request | count | p50 ms | p90 ms | p99 ms | mean ms | mean KiB |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var summaries = timings
            .Select(kind => LatencySummary.From(kind.Select(timing => timing.Milliseconds).ToList()))
            .ToList();
        var names = kinds.Select(kind => kind.Name).Append("status_show (API reference)").ToList();
        for (var i = 0; i < summaries.Count; i++)
        {
            var summary = summaries[i];
            var kibibytes = timings[i].Average(timing => timing.Bytes) / 1024;
            output.WriteLine(FormattableString.Invariant(
                $"| {names[i]} | {summary.Count} | {summary.P50:F2} | {summary.P90:F2} | {summary.P99:F2} | {summary.Mean:F2} | {kibibytes:F1} |"));
        }

        output.WriteLine();
        for (var i = 0; i < kinds.Count; i++)
        {
            var verdict = summaries[i].P50 < GoalP50Milliseconds ? "met" : "missed";
            output.WriteLine(FormattableString.Invariant(
                $"Goal p50 < {GoalP50Milliseconds} ms for {names[i]}: {verdict} ({summaries[i].P50:F2} ms)."));
        }
    }

    private static string Show(double? load) =>
        load is { } value ? value.ToString("F2", CultureInfo.InvariantCulture) : "unknown";

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

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
