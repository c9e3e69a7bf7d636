using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.DataStore;
using Ckan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Bench.DataStore;

/// <summary>
/// Loads a table into the PostgreSQL DataStore with binary COPY, then measures over HTTP: filtered
/// datastore_search, full-text search, and a full CSV dump beside psql's <c>\copy</c> of the same rows.
/// </summary>
internal static class DataStoreBenchmark
{
    // GIN rather than CKAN's default GiST: a one-word query over a million rows takes hundreds of
    // milliseconds through GiST's lossy matches (measured and recorded in docs/benchmarks.md).
    private static readonly string FullTextIndexMethod =
        Environment.GetEnvironmentVariable("CKAN_BENCH_FTS_INDEX") ?? "gin";

    public static async Task<int> RunAsync(string[] args)
    {
        var adminUrl = args.Length > 0 ? args[0] : throw new ArgumentException("Usage: ADMIN_URL [rows] [requests]");
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        var cancellationToken = CancellationToken.None;
        var folder = Path.Combine(Path.GetTempPath(), "ckan-bench-datastore-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);

        await using var database = await BenchDatabase.CreateAsync(adminUrl, cancellationToken);
        var app = await StartPortalAsync(folder, database, cancellationToken);
        try
        {
            var services = app.Services.GetRequiredService<CkanServices>();
            var store = app.Services.GetRequiredService<IDataStore>();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(30) };

            var resourceId = await CreateResourceAsync(services, cancellationToken);
            var load = Stopwatch.StartNew();
            var loaded = await store.BulkLoadAsync(resourceId, RowGenerator.Fields, RowGenerator.RowsAsync(rows, cancellationToken), cancellationToken);
            load.Stop();
            Console.WriteLine($"Full-text index method: {FullTextIndexMethod}");
            Console.WriteLine($"Loaded {loaded:N0} rows x {RowGenerator.Fields.Length} columns with binary COPY in {load.Elapsed.TotalSeconds:F1} s "
                + $"({loaded / load.Elapsed.TotalSeconds:N0} rows/s, full-text trigger and index included)");

            var index = Stopwatch.StartNew();
            await RunActionAsync(services, "datastore_create", new JsonObject
            {
                ["resource_id"] = resourceId,
                ["force"] = true,
                ["indexes"] = new JsonArray("category", "code"),
            }, cancellationToken);
            Console.WriteLine($"Indexed category and code through datastore_create in {index.Elapsed.TotalSeconds:F1} s");

            var filtered = await MeasureAsync(client, requests, number =>
                $"/api/3/action/datastore_search?resource_id={resourceId}&filters="
                + Uri.EscapeDataString($"{{\"category\": \"{RowGenerator.Category(number * 37 % RowGenerator.Categories)}\"}}"), cancellationToken);
            Console.WriteLine($"Filtered datastore_search (category = one of 1,000 values, limit 100, with total): {filtered}");

            var byCode = await MeasureAsync(client, requests, number =>
                $"/api/3/action/datastore_search?resource_id={resourceId}&filters="
                + Uri.EscapeDataString($"{{\"code\": {(long)(number * 997 % rows) * 7919 + 1}}}"), cancellationToken);
            Console.WriteLine($"Filtered datastore_search (code = one row): {byCode}");

            var fullText = await MeasureAsync(client, Math.Max(50, requests / 5), number =>
                $"/api/3/action/datastore_search?resource_id={resourceId}&q={RowGenerator.Word(number * 131 % RowGenerator.Vocabulary)}", cancellationToken);
            Console.WriteLine($"Full-text datastore_search (q = one word, about 600 matches, ranked): {fullText}");

            var (dumpSeconds, dumpBytes, before, sampler) = await DumpAsync(client, resourceId, cancellationToken);
            Console.WriteLine($"CSV dump over HTTP: {dumpSeconds:F2} s, {dumpBytes / 1048576.0:F1} MiB, "
                + $"{dumpBytes / 1048576.0 / dumpSeconds:F0} MiB/s");
            Console.WriteLine($"Memory during the dump (resident, {sampler.Count} samples every 50 ms): before {Mib(before)}, "
                + $"lowest {Mib(sampler.Minimum)}, highest {Mib(sampler.Maximum)}, growth {Mib(sampler.Maximum - before)}");

            var psqlSeconds = await PsqlCopyAsync(database.ReadUrl, resourceId, cancellationToken);
            Console.WriteLine($"psql \\copy (SELECT ...) TO /dev/null CSV of the same rows: {psqlSeconds:F2} s");
            Console.WriteLine($"Ratios: dump / psql = {dumpSeconds / psqlSeconds:F2} (goal <= 2); "
                + $"filtered p50 = {filtered.P50:F2} ms (goal < 10 ms)");
            return 0;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Mib(long bytes) => $"{bytes / 1048576.0:F0} MiB";

    private static async Task<WebApplication> StartPortalAsync(string folder, BenchDatabase database, CancellationToken cancellationToken)
    {
        var config = CkanConfig.FromOptions(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sqlalchemy.url"] = "sqlite:///" + Path.Combine(folder, "ckan.db"),
            ["ckan.site_url"] = "http://127.0.0.1",
            ["ckan.storage_path"] = Path.Combine(folder, "storage"),
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
            ["ckan.plugins"] = "datastore",
            ["ckan.datastore.write_url"] = database.WriteUrl,
            ["ckan.datastore.read_url"] = database.ReadUrl,
            ["ckan.datastore.query_timeout"] = "600000",
            ["ckan.datastore.default_fts_index_method"] = FullTextIndexMethod,
        });
        var app = await CkanWebHost.BuildAsync(
            config, "http://127.0.0.1:0", builder => builder.Logging.SetMinimumLevel(LogLevel.Warning), cancellationToken);
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static async Task<string> CreateResourceAsync(CkanServices services, CancellationToken cancellationToken)
    {
        var organization = "bench-" + Guid.NewGuid().ToString("N")[..8];
        await RunActionAsync(services, "organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var dataset = await RunActionAsync(services, "package_create", new JsonObject
        {
            ["name"] = organization + "-table",
            ["owner_org"] = organization,
        }, cancellationToken);
        var created = await RunActionAsync(services, "datastore_create", new JsonObject
        {
            ["resource"] = new JsonObject { ["package_id"] = dataset!["id"]!.GetValue<string>(), ["name"] = "benchmark table" },
            ["fields"] = new JsonArray(new JsonObject { ["id"] = "code", ["type"] = "int8" }),
        }, cancellationToken);
        return created!["resource_id"]!.GetValue<string>();
    }

    private static async Task<JsonNode?> RunActionAsync(CkanServices services, string name, JsonObject data, CancellationToken cancellationToken)
    {
        var result = await services.Actions.Find(name)!.Handler(new ActionContext(services, null, ignoreAuth: true), data, cancellationToken);
        return result.IsSerialized ? JsonNode.Parse(result.Utf8Json.Span) : result.Node;
    }

    private static async Task<Latency> MeasureAsync(HttpClient client, int count, Func<int, string> url, CancellationToken cancellationToken)
    {
        for (var warmUp = 0; warmUp < 50; warmUp++)
        {
            await GetAsync(client, url(count + warmUp), cancellationToken);
        }

        var times = new List<double>(count);
        for (var number = 0; number < count; number++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(client, url(number), cancellationToken);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Latency.From(times);
    }

    private static async Task GetAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !body.Contains("\"success\": true", StringComparison.Ordinal) && !body.Contains("\"success\":true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} failed with {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }
    }

    private static async Task<(double Seconds, long Bytes, long Before, MemorySampler Sampler)> DumpAsync(
        HttpClient client,
        string resourceId,
        CancellationToken cancellationToken)
    {
        GC.Collect();
        var before = MemorySampler.ResidentBytes();
        var sampler = new MemorySampler();
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        using (var response = await client.GetAsync("/datastore/dump/" + resourceId, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes += read;
            }
        }

        watch.Stop();
        await sampler.DisposeAsync();
        return (watch.Elapsed.TotalSeconds, bytes, before, sampler);
    }

    // The same columns, order and timestamp format as the dump, written by psql to /dev/null.
    private static async Task<double> PsqlCopyAsync(string readUrl, string resourceId, CancellationToken cancellationToken)
    {
        var columns = "\"_id\", \"code\", \"category\", \"amount\"::text, \"ratio\", \"quantity\", \"flag\", \"day\"::text, "
            + "to_char(\"stamp\", 'YYYY-MM-DD\"T\"HH24:MI:SS'), \"label\", \"note\"";
        var copy = $"\\copy (SELECT {columns} FROM \"{resourceId}\" ORDER BY \"_id\") TO '/dev/null' WITH (FORMAT csv)";
        var start = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", readUrl, "-c", copy])
        {
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("psql did not start.");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("psql failed: " + errors);
        }

        return watch.Elapsed.TotalSeconds;
    }
}
