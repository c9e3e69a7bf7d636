using System.Text.Json.Nodes;
using Ckan.DataPusher.Service.Jobs;
using Microsoft.Data.Sqlite;

namespace Ckan.DataPusher.Service.Tests.Jobs;

/// <summary>The SQLite job store: persistence across instances, order, logs and metadata filters.</summary>
public sealed class JobStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ckan-jobstore-" + Guid.NewGuid().ToString("N"));

    public JobStoreTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Pending_job_survives_reopen()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var path = Path.Combine(_folder, "jobs.db");
        var first = new JobStore(path);
        await first.InitializeAsync(cancellationToken);
        await first.TryAddAsync(Job("older", "2026-01-01T00:00:00.000000", "r1"), cancellationToken);
        await first.TryAddAsync(Job("newer", "2026-01-02T00:00:00.000000", "r2"), cancellationToken);

        var reopened = new JobStore(path);
        await reopened.InitializeAsync(cancellationToken);
        var next = await reopened.NextPendingAsync(cancellationToken);
        await reopened.FinishAsync("older", "complete", null, cancellationToken);
        var after = await reopened.NextPendingAsync(cancellationToken);

        Assert.Equal("older", next?.JobId);
        Assert.Equal("newer", after?.JobId);
        Assert.Equal("complete", (await reopened.GetAsync("older", cancellationToken))?.Status);
    }

    [Fact]
    public async Task Duplicate_id_is_not_added()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var store = new JobStore(Path.Combine(_folder, "jobs.db"));
        await store.InitializeAsync(cancellationToken);

        var added = await store.TryAddAsync(Job("same", "2026-01-01T00:00:00.000000", "r1"), cancellationToken);
        var again = await store.TryAddAsync(Job("same", "2026-01-02T00:00:00.000000", "r2"), cancellationToken);

        Assert.True(added);
        Assert.False(again);
        Assert.Equal("r1", (await store.GetAsync("same", cancellationToken))?.Metadata["resource_id"]?.ToString());
    }

    [Fact]
    public async Task Logs_limit_keeps_last_lines()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var store = new JobStore(Path.Combine(_folder, "jobs.db"));
        await store.InitializeAsync(cancellationToken);
        await store.TryAddAsync(Job("logged", "2026-01-01T00:00:00.000000", "r1"), cancellationToken);
        foreach (var message in new[] { "one", "two", "three" })
        {
            await store.AddLogAsync("logged", Line(message), cancellationToken);
        }

        var all = await store.GetLogsAsync("logged", limit: null, cancellationToken);
        var lastTwo = await store.GetLogsAsync("logged", limit: 2, cancellationToken);

        Assert.Equal(["one", "two", "three"], all.Select(entry => entry.Message));
        Assert.Equal(["two", "three"], lastTwo.Select(entry => entry.Message));
    }

    [Fact]
    public async Task List_filters_on_metadata()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var store = new JobStore(Path.Combine(_folder, "jobs.db"));
        await store.InitializeAsync(cancellationToken);
        await store.TryAddAsync(Job("a", "2026-01-01T00:00:00.000000", "r1"), cancellationToken);
        await store.TryAddAsync(Job("b", "2026-01-02T00:00:00.000000", "r2"), cancellationToken);
        await store.TryAddAsync(Job("c", "2026-01-03T00:00:00.000000", "r1"), cancellationToken);
        var filter = new Dictionary<string, string> { ["resource_id"] = "r1" };

        var matching = await store.ListAsync(filter, limit: 10, offset: 0, cancellationToken);
        var noFilter = new Dictionary<string, string>();
        var everything = await store.ListAsync(noFilter, limit: 2, offset: 1, cancellationToken);

        Assert.Equal(["c", "a"], matching);
        Assert.Equal(["b", "a"], everything);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static JobRecord Job(string id, string requested, string resourceId) => new()
    {
        JobId = id,
        JobType = "push_to_datastore",
        Status = "pending",
        JobKey = "key-" + id,
        ApiKey = "token",
        Metadata = new JsonObject { ["resource_id"] = resourceId },
        RequestedTimestamp = requested,
    };

    private static JobLogEntry Line(string message) => new()
    {
        Timestamp = JobTime.Now(),
        Level = "INFO",
        Message = message,
        Module = "push_to_datastore",
    };
}
