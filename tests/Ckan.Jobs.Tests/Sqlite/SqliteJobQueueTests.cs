using Ckan.Jobs.Sqlite;
using Microsoft.Data.Sqlite;

namespace Ckan.Jobs.Tests.Sqlite;

public sealed class SqliteJobQueueTests : IDisposable
{
    private readonly TemporaryQueue _temporary = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    private SqliteJobQueue Queue => _temporary.Queue;

    [Fact]
    public async Task Lists_queued_jobs_oldest_first()
    {
        var first = await Queue.EnqueueAsync(Request("one"), CancellationToken);
        var second = await Queue.EnqueueAsync(Request("two"), CancellationToken);

        var jobs = await Queue.ListQueuedAsync([], CancellationToken);

        Assert.Equal([first.Id, second.Id], jobs.Select(job => job.Id));
        Assert.All(jobs, job => Assert.Equal(JobStatus.Queued, job.Status));
    }

    [Fact]
    public async Task Jobs_survive_reopening_the_file()
    {
        var queued = await Queue.EnqueueAsync(Request("kept"), CancellationToken);

        var reopened = new SqliteJobQueue(_temporary.FilePath);
        var job = await reopened.GetAsync(queued.Id, CancellationToken);

        Assert.NotNull(job);
        Assert.Equal("kept", job.Title);
        Assert.Equal("{\"n\":1}", job.Payload);
        Assert.Equal(queued.Created, job.Created, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task List_filters_by_queue_name()
    {
        await Queue.EnqueueAsync(Request("a") with { Queue = "alpha" }, CancellationToken);
        var beta = await Queue.EnqueueAsync(Request("b") with { Queue = "beta" }, CancellationToken);

        var jobs = await Queue.ListQueuedAsync(["beta"], CancellationToken);

        Assert.Equal(beta.Id, Assert.Single(jobs).Id);
    }

    [Fact]
    public async Task TakeNext_marks_oldest_job_started()
    {
        var first = await Queue.EnqueueAsync(Request("one"), CancellationToken);
        await Queue.EnqueueAsync(Request("two"), CancellationToken);

        var taken = await Queue.TakeNextAsync([], CancellationToken);

        Assert.Equal(first.Id, taken!.Id);
        Assert.Equal(JobStatus.Started, taken.Status);
        Assert.NotNull(taken.Started);
        Assert.Single(await Queue.ListQueuedAsync([], CancellationToken));
    }

    [Fact]
    public async Task Concurrent_takers_never_share_a_job()
    {
        for (var index = 0; index < 20; index++)
        {
            await Queue.EnqueueAsync(Request("job " + index), CancellationToken);
        }

        var takers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var ids = new List<string>();
            while (await Queue.TakeNextAsync([], CancellationToken) is { } job)
            {
                ids.Add(job.Id);
            }

            return ids;
        }, CancellationToken));
        var taken = (await Task.WhenAll(takers)).SelectMany(ids => ids).ToList();

        Assert.Equal(20, taken.Count);
        Assert.Equal(20, taken.Distinct().Count());
    }

    [Fact]
    public async Task Complete_records_failure_message()
    {
        await Queue.EnqueueAsync(Request("fails"), CancellationToken);
        var taken = await Queue.TakeNextAsync([], CancellationToken);

        await Queue.CompleteAsync(taken!.Id, "boom", CancellationToken);

        var job = await Queue.GetAsync(taken.Id, CancellationToken);
        Assert.Equal(JobStatus.Failed, job!.Status);
        Assert.Equal("boom", job.Error);
        Assert.NotNull(job.Ended);
    }

    [Fact]
    public async Task Cancel_deletes_job_and_reports_unknown_id()
    {
        var job = await Queue.EnqueueAsync(Request("cancel me"), CancellationToken);

        var cancelled = await Queue.CancelAsync(job.Id, CancellationToken);
        var again = await Queue.CancelAsync(job.Id, CancellationToken);

        Assert.True(cancelled);
        Assert.False(again);
        Assert.Null(await Queue.GetAsync(job.Id, CancellationToken));
    }

    [Fact]
    public async Task Clear_empties_only_named_queues()
    {
        await Queue.EnqueueAsync(Request("a") with { Queue = "alpha" }, CancellationToken);
        await Queue.EnqueueAsync(Request("b") with { Queue = "beta" }, CancellationToken);

        var cleared = await Queue.ClearAsync(["alpha"], CancellationToken);

        Assert.Equal(["alpha"], cleared);
        Assert.Equal("beta", Assert.Single(await Queue.ListQueuedAsync([], CancellationToken)).Queue);
    }

    [Fact]
    public async Task Clear_without_names_reports_every_cleared_queue()
    {
        await Queue.EnqueueAsync(Request("b") with { Queue = "beta" }, CancellationToken);
        await Queue.EnqueueAsync(Request("a") with { Queue = "alpha" }, CancellationToken);

        var cleared = await Queue.ClearAsync([], CancellationToken);

        Assert.Equal(["alpha", "beta"], cleared);
        Assert.Empty(await Queue.ListQueuedAsync([], CancellationToken));
    }

    [Fact]
    public async Task RecoverAbandoned_requeues_job_of_dead_worker()
    {
        var job = await Queue.EnqueueAsync(Request("interrupted"), CancellationToken);
        await Queue.TakeNextAsync([], CancellationToken);
        await MarkWorkerAsync(job.Id, int.MaxValue);

        var recovered = await Queue.RecoverAbandonedAsync(CancellationToken);

        Assert.Equal(1, recovered);
        Assert.Equal(JobStatus.Queued, (await Queue.GetAsync(job.Id, CancellationToken))!.Status);
    }

    [Fact]
    public async Task RecoverAbandoned_keeps_job_of_running_worker()
    {
        var job = await Queue.EnqueueAsync(Request("running"), CancellationToken);
        await Queue.TakeNextAsync([], CancellationToken);

        var recovered = await Queue.RecoverAbandonedAsync(CancellationToken);

        Assert.Equal(0, recovered);
        Assert.Equal(JobStatus.Started, (await Queue.GetAsync(job.Id, CancellationToken))!.Status);
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public async Task Progress_is_kept_until_requeue()
    {
        await Queue.EnqueueAsync(Request("load"), CancellationToken);
        var taken = await Queue.TakeNextAsync([], CancellationToken);

        await Queue.ReportProgressAsync(taken!.Id, new JobProgress { Done = 250, Total = 1000 }, CancellationToken);
        var running = await Queue.GetAsync(taken.Id, CancellationToken);
        await Queue.RequeueAsync(taken.Id, CancellationToken);
        var requeued = await Queue.GetAsync(taken.Id, CancellationToken);

        Assert.Equal(new JobProgress { Done = 250, Total = 1000 }, running!.Progress);
        Assert.Null(requeued!.Progress);
    }

    [Fact]
    public async Task Queue_file_without_progress_columns_gains_them()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temporary.FilePath)!);
        await using (var connection = new SqliteConnection($"Data Source={_temporary.FilePath}"))
        {
            await connection.OpenAsync(CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE job (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, queue TEXT NOT NULL,
                    kind TEXT NOT NULL, title TEXT, payload TEXT NOT NULL, status TEXT NOT NULL, created TEXT NOT NULL,
                    started TEXT, ended TEXT, error TEXT, worker_pid INTEGER);
                INSERT INTO job (id, queue, kind, payload, status, created)
                VALUES ('old-job', 'default', 'work', '{}', 'queued', '2026-01-02T03:04:05.000000');
                """;
            await command.ExecuteNonQueryAsync(CancellationToken);
        }

        var taken = await Queue.TakeNextAsync([], CancellationToken);
        await Queue.ReportProgressAsync("old-job", new JobProgress { Done = 5 }, CancellationToken);
        var job = await Queue.GetAsync("old-job", CancellationToken);

        Assert.Equal("old-job", taken!.Id);
        Assert.Equal(new JobProgress { Done = 5 }, job!.Progress);
    }

    private static JobRequest Request(string title) => new() { Kind = "work", Title = title, Payload = "{\"n\":1}" };

    private async Task MarkWorkerAsync(string id, int pid)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + _temporary.FilePath);
        await connection.OpenAsync(CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE job SET worker_pid = $pid WHERE id = $id";
        command.Parameters.AddWithValue("$pid", pid);
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(CancellationToken);
    }
}
