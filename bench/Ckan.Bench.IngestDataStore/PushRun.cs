using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Bench.DataStore;
using Ckan.Bench.Search;

namespace Ckan.Bench.IngestDataStore;

/// <summary>
/// One load of the generated file through the DataPusher's job into a new portal's DataStore, run in its
/// own process so that its peak resident size covers that load alone.
/// </summary>
internal static class PushRun
{
    // A word of every description's vocabulary, so q matches about a third of the rows.
    private const string SearchWord = "budget";

    /// <summary>Loads <paramref name="path"/> and prints the <see cref="PushMeasurement"/> as one JSON line.</summary>
    public static async Task<int> RunAsync(string? adminUrl, string path, long rows, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ckan-bench-push-" + Guid.NewGuid().ToString("N")[..8]);
        await using var database = adminUrl is null ? null : await BenchDatabase.CreateAsync(adminUrl, cancellationToken);
        await using var portal = await BenchPortal.StartAsync(folder, database, cancellationToken);
        var resourceId = await portal.CreateUploadedResourceAsync(path, cancellationToken);

        GC.Collect();
        var before = ProcessMemory.ResidentBytes() ?? 0;
        if (!ProcessMemory.TryResetPeak())
        {
            throw new InvalidOperationException("/proc/self/clear_refs cannot be written, so the peak cannot be measured.");
        }

        var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var push = Stopwatch.StartNew();
        await portal.PushAsync(resourceId, cancellationToken);
        push.Stop();
        var processor = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        await CheckActiveAsync(portal, resourceId, rows, cancellationToken);

        var search = Stopwatch.StartNew();
        var found = await SearchWhenReadyAsync(portal, resourceId, cancellationToken);
        search.Stop();

        var measurement = new PushMeasurement
        {
            Backend = database is null ? "sqlite" : "postgresql",
            Rows = rows,
            PushSeconds = push.Elapsed.TotalSeconds,
            ProcessorSeconds = processor.TotalSeconds,
            FullTextSeconds = search.Elapsed.TotalSeconds,
            FullTextMatches = found!["total"]!.GetValue<long>(),
            ResidentBeforeBytes = before,
            PeakResidentBytes = ProcessMemory.PeakResidentBytes() ?? 0,
        };
        Console.WriteLine(JsonSerializer.Serialize(measurement));
        return 0;
    }

    private static async Task CheckActiveAsync(BenchPortal portal, string resourceId, long rows, CancellationToken cancellationToken)
    {
        var resource = await portal.RunAsync("resource_show", new JsonObject { ["id"] = resourceId }, null, cancellationToken);
        if (resource!["datastore_active"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"Resource {resourceId} is not datastore_active after the job.");
        }

        var page = await portal.RunAsync(
            "datastore_search",
            new JsonObject { ["resource_id"] = resourceId, ["limit"] = 0 },
            null,
            cancellationToken);
        var total = page!["total"]!.GetValue<long>();
        if (total != rows)
        {
            throw new InvalidOperationException($"The table of resource {resourceId} has {total} rows instead of {rows}.");
        }
    }

    // A q search waits for the full-text fill up to the query timeout and then fails with a message to retry.
    // A large file's fill on a busy machine can take longer than that timeout.
    private static async Task<JsonNode?> SearchWhenReadyAsync(
        BenchPortal portal,
        string resourceId,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await portal.RunAsync(
                    "datastore_search",
                    new JsonObject { ["resource_id"] = resourceId, ["q"] = SearchWord, ["limit"] = 1 },
                    null,
                    cancellationToken);
            }
            catch (Core.Errors.ValidationException error) when (error.Message.Contains("not ready", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} full-text search not ready yet; retrying");
            }
        }
    }
}
