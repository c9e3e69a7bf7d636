using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Search;
using Ckan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Bench.Search;

/// <summary>
/// Starts the portal on a catalog and its index (Kestrel on 127.0.0.1, a free port) and times sequential
/// requests from one HTTP client: each package_search request is paired with a status_show request, so
/// both run under the same conditions. Then times the same searches in process, through the action and
/// through the index alone, to show which layer the time goes to.
/// </summary>
internal static class LatencyMeasurement
{
    private const string StatusShowPath = "/api/3/action/status_show";

    public static async Task<LatencyReport> RunAsync(
        CkanConfig config,
        IReadOnlyList<BenchQuery> warmUp,
        IReadOnlyList<BenchQuery> measured,
        CancellationToken cancellationToken)
    {
        var port = FindFreePort();
        var baseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        config = config.With("ckan.site_url", baseUrl);

        var started = TimeProvider.System.GetTimestamp();
        var app = await CkanWebHost.BuildAsync(
            config,
            baseUrl,
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning),
            cancellationToken);
        await using (app)
        {
            await app.StartAsync(cancellationToken);
            var startup = TimeProvider.System.GetElapsedTime(started);

            // No proxy, whatever the environment sets, so every request goes straight to the portal on loopback.
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false })
            {
                BaseAddress = new Uri(baseUrl),
            };
            await TimeOverHttpAsync(client, warmUp, cancellationToken);
            var http = await TimeOverHttpAsync(client, measured, cancellationToken);

            var services = app.Services.GetRequiredService<CkanServices>();
            var report = new LatencyReport
            {
                Startup = startup,
                SearchOverHttp = LatencySummary.From(http.Search),
                StatusShowOverHttp = LatencySummary.From(http.StatusShow),
                SearchAction = await TimeActionAsync(services, measured, cancellationToken),
                IndexSearch = await TimeIndexAsync(services.Search, measured, cancellationToken),
                Kinds = SummarizeKinds(measured, http.Search, http.Counts),
                MeanResponseBytes = (double)http.ResponseBytes / measured.Count,
                Load = http.Load,
                MajorFaults = http.MajorFaults,
            };
            await app.StopAsync(cancellationToken);
            return report;
        }
    }

    /// <summary>Sends each search followed by a status_show request and times both.</summary>
    private static async Task<HttpTimings> TimeOverHttpAsync(
        HttpClient client,
        IReadOnlyList<BenchQuery> queries,
        CancellationToken cancellationToken)
    {
        var loadAtStart = SystemLoad.OneMinute();
        var faultsAtStart = ProcessMemory.MajorFaults();
        var timings = new HttpTimings();
        foreach (var query in queries)
        {
            var (milliseconds, body) = await GetAsync(client, query.ToPath(), cancellationToken);
            timings.Search.Add(milliseconds);
            timings.ResponseBytes += body.Length;
            timings.Counts.Add(ReadCount(body));
            timings.StatusShow.Add((await GetAsync(client, StatusShowPath, cancellationToken)).Milliseconds);
        }

        timings.Load = (loadAtStart, SystemLoad.OneMinute());
        timings.MajorFaults = ProcessMemory.MajorFaults() - faultsAtStart;
        return timings;
    }

    private static async Task<(double Milliseconds, byte[] Body)> GetAsync(
        HttpClient client,
        string path,
        CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        using var response = await client.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"GET {path} returned {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return (elapsed.TotalMilliseconds, body);
    }

    private static int ReadCount(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("result").GetProperty("count").GetInt32();
    }

    private static async Task<LatencySummary> TimeActionAsync(
        CkanServices services,
        IReadOnlyList<BenchQuery> queries,
        CancellationToken cancellationToken)
    {
        var times = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var data = query.ToActionData();
            var started = TimeProvider.System.GetTimestamp();
            await PackageSearch.ActionAsync(new ActionContext(services, null), data, cancellationToken);
            times.Add(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }

        return LatencySummary.From(times);
    }

    private static async Task<LatencySummary> TimeIndexAsync(
        ISearchIndex index,
        IReadOnlyList<BenchQuery> queries,
        CancellationToken cancellationToken)
    {
        var times = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var request = query.ToIndexRequest();
            var started = TimeProvider.System.GetTimestamp();
            await index.SearchAsync(request, cancellationToken);
            times.Add(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }

        return LatencySummary.From(times);
    }

    private static List<KindReport> SummarizeKinds(
        IReadOnlyList<BenchQuery> queries,
        IReadOnlyList<double> milliseconds,
        IReadOnlyList<int> counts)
    {
        var reports = new List<KindReport>();
        foreach (var kind in QueryMix.KindNames)
        {
            var indexes = Enumerable.Range(0, queries.Count).Where(i => queries[i].Kind == kind).ToList();
            if (indexes.Count == 0)
            {
                continue;
            }

            reports.Add(new KindReport(
                kind,
                LatencySummary.From(indexes.Select(i => milliseconds[i]).ToList()),
                indexes.Average(i => counts[i]),
                indexes.Count(i => counts[i] == 0)));
        }

        return reports;
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class HttpTimings
    {
        public List<double> Search { get; } = [];
        public List<double> StatusShow { get; } = [];
        public List<int> Counts { get; } = [];
        public long ResponseBytes { get; set; }
        public (double? Start, double? End) Load { get; set; }
        public long? MajorFaults { get; set; }
    }
}
