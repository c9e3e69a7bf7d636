using Microsoft.Extensions.Logging.Abstractions;

namespace Ckan.Jobs.Tests;

public sealed class JobWorkerTests : IDisposable
{
    private readonly TemporaryQueue _temporary = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Burst_runs_queued_jobs_in_order_then_stops()
    {
        var seen = new List<string>();
        var handlers = new JobHandlerRegistry().Add("record", (job, _) =>
        {
            seen.Add(job.Title!);
            return Task.CompletedTask;
        });
        await Enqueue("record", "first");
        var second = await Enqueue("record", "second");

        var count = await Worker(handlers).RunAsync([], burst: true, CancellationToken);

        Assert.Equal(2, count);
        Assert.Equal(["first", "second"], seen);
        Assert.Equal(JobStatus.Finished, (await _temporary.Queue.GetAsync(second.Id, CancellationToken))!.Status);
    }

    [Fact]
    public async Task Failing_handler_marks_job_failed_and_worker_continues()
    {
        var handlers = new JobHandlerRegistry()
            .Add("fail", (_, _) => throw new InvalidDataException("bad row 3"))
            .Add("ok", (_, _) => Task.CompletedTask);
        var failing = await Enqueue("fail", "breaks");
        var after = await Enqueue("ok", "runs");

        await Worker(handlers).RunAsync([], burst: true, CancellationToken);

        var failed = await _temporary.Queue.GetAsync(failing.Id, CancellationToken);
        Assert.Equal(JobStatus.Failed, failed!.Status);
        Assert.Equal("bad row 3", failed.Error);
        Assert.Equal(JobStatus.Finished, (await _temporary.Queue.GetAsync(after.Id, CancellationToken))!.Status);
    }

    [Fact]
    public async Task Job_without_handler_fails_with_its_kind()
    {
        var job = await Enqueue("unknown", "orphan");

        await Worker(new JobHandlerRegistry()).RunAsync([], burst: true, CancellationToken);

        var failed = await _temporary.Queue.GetAsync(job.Id, CancellationToken);
        Assert.Equal(JobStatus.Failed, failed!.Status);
        Assert.Contains("\"unknown\"", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_worker_requeues_running_job()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
        var started = new TaskCompletionSource();
        var handlers = new JobHandlerRegistry().Add("slow", async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        var job = await Enqueue("slow", "long");

        var running = Worker(handlers).RunAsync([], burst: false, stop.Token);
        await started.Task.WaitAsync(CancellationToken);
        await stop.CancelAsync();
        await running;

        Assert.Equal(JobStatus.Queued, (await _temporary.Queue.GetAsync(job.Id, CancellationToken))!.Status);
    }

    [Fact]
    public async Task Worker_takes_only_named_queues()
    {
        var handlers = new JobHandlerRegistry().Add("ok", (_, _) => Task.CompletedTask);
        var other = await _temporary.Queue.EnqueueAsync(
            new JobRequest { Kind = "ok", Queue = "other" }, CancellationToken);
        await Enqueue("ok", "default job");

        var count = await Worker(handlers).RunAsync([IJobQueue.DefaultQueue], burst: true, CancellationToken);

        Assert.Equal(1, count);
        Assert.Equal(JobStatus.Queued, (await _temporary.Queue.GetAsync(other.Id, CancellationToken))!.Status);
    }

    public void Dispose() => _temporary.Dispose();

    private JobWorker Worker(JobHandlerRegistry handlers) =>
        new(_temporary.Queue, handlers, NullLogger.Instance, TimeSpan.FromMilliseconds(20));

    private Task<Job> Enqueue(string kind, string title) =>
        _temporary.Queue.EnqueueAsync(new JobRequest { Kind = kind, Title = title }, CancellationToken);
}
