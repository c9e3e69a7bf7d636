using Microsoft.Extensions.Logging.Abstractions;

namespace Ckan.Jobs.Tests;

public sealed class JobWorkerServiceTests : IDisposable
{
    private readonly TemporaryQueue _temporary = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Service_survives_queue_failure_and_runs_job()
    {
        var queue = new FailingOnceQueue(_temporary.Queue);
        var ran = new TaskCompletionSource();
        var handlers = new JobHandlerRegistry().Add("ok", (_, _) =>
        {
            ran.TrySetResult();
            return Task.CompletedTask;
        });
        await queue.EnqueueAsync(new JobRequest { Kind = "ok" }, CancellationToken);
        using var service = new JobWorkerService(queue, handlers, NullLogger<JobWorkerService>.Instance);

        await service.StartAsync(CancellationToken);
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(20), CancellationToken);
        await service.StopAsync(CancellationToken);

        Assert.True(queue.HasFailed);
        Assert.True(ran.Task.IsCompletedSuccessfully);
    }

    public void Dispose() => _temporary.Dispose();

    /// <summary>A queue whose first take fails, as a locked database file would.</summary>
    private sealed class FailingOnceQueue(IJobQueue inner) : IJobQueue
    {
        public bool HasFailed { get; private set; }

        public void Dispose() => inner.Dispose();

        public Task<Job> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default) =>
            inner.EnqueueAsync(request, cancellationToken);

        public Task<IReadOnlyList<Job>> ListQueuedAsync(
            IReadOnlyList<string> queues,
            CancellationToken cancellationToken = default) =>
            inner.ListQueuedAsync(queues, cancellationToken);

        public Task<Job?> GetAsync(string id, CancellationToken cancellationToken = default) =>
            inner.GetAsync(id, cancellationToken);

        public Task<bool> CancelAsync(string id, CancellationToken cancellationToken = default) =>
            inner.CancelAsync(id, cancellationToken);

        public Task<IReadOnlyList<string>> ClearAsync(
            IReadOnlyList<string> queues,
            CancellationToken cancellationToken = default) =>
            inner.ClearAsync(queues, cancellationToken);

        public Task<Job?> TakeNextAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken = default)
        {
            if (!HasFailed)
            {
                HasFailed = true;
                throw new IOException("database is locked");
            }

            return inner.TakeNextAsync(queues, cancellationToken);
        }

        public Task CompleteAsync(string id, string? error, CancellationToken cancellationToken = default) =>
            inner.CompleteAsync(id, error, cancellationToken);

        public Task ReportProgressAsync(string id, JobProgress progress, CancellationToken cancellationToken = default) =>
            inner.ReportProgressAsync(id, progress, cancellationToken);

        public Task RequeueAsync(string id, CancellationToken cancellationToken = default) =>
            inner.RequeueAsync(id, cancellationToken);

        public Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken = default) =>
            inner.RecoverAbandonedAsync(cancellationToken);
    }
}
