using System.Text.Json.Nodes;
using Ckan.Bench.DataStore;
using Ckan.Cli.Commands;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.DataPusher;
using Ckan.Jobs;
using Ckan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Bench.IngestDataStore;

/// <summary>
/// A portal built as <c>ckan run</c> builds it, with the DataStore and DataPusher plugins, on a new SQLite
/// catalog in <paramref name="folder"/> and either the given PostgreSQL DataStore database or the embedded
/// SQLite DataStore. It serves no HTTP: the benchmark calls actions and the DataPusher's job handler in
/// this process, as the in-server job worker does.
/// </summary>
internal sealed class BenchPortal(WebApplication app, string folder) : IAsyncDisposable
{
    // The portal's default (gist, as in CKAN) unless CKAN_BENCH_FTS_INDEX names another method.
    private static readonly string FullTextIndexMethod =
        Environment.GetEnvironmentVariable("CKAN_BENCH_FTS_INDEX") ?? "gist";

    public CkanServices Services { get; } = app.Services.GetRequiredService<CkanServices>();

    public static async Task<BenchPortal> StartAsync(
        string folder,
        BenchDatabase? database,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sqlalchemy.url"] = "sqlite:///" + Path.Combine(folder, "ckan.db"),
            ["ckan.site_url"] = "http://127.0.0.1",
            ["ckan.storage_path"] = Path.Combine(folder, "storage"),
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
            ["ckan.plugins"] = "datastore datapusher",
            ["ckan.datastore.query_timeout"] = "600000",
            ["ckan.datastore.default_fts_index_method"] = FullTextIndexMethod,
        };
        if (database is not null)
        {
            options["ckan.datastore.write_url"] = database.WriteUrl;
            options["ckan.datastore.read_url"] = database.ReadUrl;
        }

        var config = CkanConfig.FromOptions(options);

        // The job queue only receives the load's progress: the benchmark runs the handler itself.
        var app = await CkanWebHost.BuildAsync(
            config,
            "http://127.0.0.1:0",
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.AddSingleton(JobQueueFactory.Create(config));
            },
            cancellationToken);
        return new BenchPortal(app, folder);
    }

    /// <summary>
    /// Creates a dataset with one resource whose uploaded file is a copy of <paramref name="path"/>, and
    /// returns the resource id. The format is left empty so that no load is queued automatically.
    /// </summary>
    public async Task<string> CreateUploadedResourceAsync(string path, CancellationToken cancellationToken)
    {
        var organization = "bench-" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync("organization_create", new JsonObject { ["name"] = organization }, null, cancellationToken);
        var dataset = await RunAsync(
            "package_create",
            new JsonObject { ["name"] = organization + "-table", ["owner_org"] = organization },
            null,
            cancellationToken);

        var files = Services.ResourceFiles ?? throw new InvalidOperationException("ckan.storage_path is not set.");
        await using var content = File.OpenRead(path);
        using var upload = await files.StageAsync(content, Path.GetFileName(path), "text/csv", long.MaxValue, cancellationToken);
        var resource = await RunAsync(
            "resource_create",
            new JsonObject { ["package_id"] = dataset!["id"]!.GetValue<string>(), ["name"] = "generated table" },
            upload,
            cancellationToken);
        return resource!["id"]!.GetValue<string>();
    }

    /// <summary>Runs the DataPusher's job for the resource with the handler the in-server worker uses.</summary>
    public async Task PushAsync(string resourceId, CancellationToken cancellationToken)
    {
        var handlers = JobsCommand.CreateHandlers(app.Services);
        var handler = handlers.Find(PushToDataStoreJob.Kind)
            ?? throw new InvalidOperationException("The DataPusher's job handler is not registered.");
        var request = PushToDataStoreJob.Request(resourceId);
        var job = new Job
        {
            Id = Guid.NewGuid().ToString(),
            Queue = IJobQueue.DefaultQueue,
            Kind = request.Kind,
            Title = request.Title,
            Payload = request.Payload,
            Status = "started",
            Created = DateTime.UtcNow,
            Started = DateTime.UtcNow,
        };
        await handler(job, cancellationToken);
    }

    /// <summary>Runs an action as the site user and returns its result.</summary>
    public async Task<JsonNode?> RunAsync(
        string action,
        JsonObject data,
        Core.Uploads.StagedUpload? upload,
        CancellationToken cancellationToken)
    {
        var context = new ActionContext(Services, null, ignoreAuth: true) { Upload = upload };
        var result = await Services.Actions.Find(action)!.Handler(context, data, cancellationToken);
        return result.ToNode();
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
