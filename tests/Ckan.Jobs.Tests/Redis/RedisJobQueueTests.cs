using Ckan.Jobs.Redis;

namespace Ckan.Jobs.Tests.Redis;

/// <summary>The Redis queue against a real server; each test uses its own key prefix.</summary>
public sealed class RedisJobQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(600);

    private readonly string _site = "test-" + Guid.NewGuid().ToString("N");
    private RedisJobQueue _queue = null!;

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _queue = await ConnectAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _queue.ClearAsync([], CancellationToken.None);
        _queue.Dispose();
    }

    [Fact]
    public async Task Lists_queued_jobs_oldest_first()
    {
        var first = await _queue.EnqueueAsync(Request("one") with { Queue = "beta" }, CancellationToken);
        var second = await _queue.EnqueueAsync(Request("two") with { Queue = "alpha" }, CancellationToken);

        var all = await _queue.ListQueuedAsync([], CancellationToken);
        var beta = await _queue.ListQueuedAsync(["beta"], CancellationToken);

        Assert.Equal([first.Id, second.Id], all.Select(job => job.Id));
        Assert.All(all, job => Assert.Equal(JobStatus.Queued, job.Status));
        Assert.Equal(first.Id, Assert.Single(beta).Id);
    }

    [Fact]
    public async Task Get_returns_every_field()
    {
        var queued = await _queue.EnqueueAsync(Request("kept"), CancellationToken);

        var job = await _queue.GetAsync(queued.Id, CancellationToken);

        Assert.NotNull(job);
        Assert.Equal(queued with { }, job with { Created = queued.Created });
        Assert.Equal(queued.Created, job.Created, TimeSpan.FromMilliseconds(1));
        Assert.Null(await _queue.GetAsync(Guid.NewGuid().ToString(), CancellationToken));
    }

    [Fact]
    public async Task TakeNext_takes_oldest_across_queues()
    {
        var first = await _queue.EnqueueAsync(Request("one") with { Queue = "beta" }, CancellationToken);
        await _queue.EnqueueAsync(Request("two") with { Queue = "alpha" }, CancellationToken);

        var taken = await _queue.TakeNextAsync([], CancellationToken);

        Assert.Equal(first.Id, taken!.Id);
        Assert.Equal(JobStatus.Started, taken.Status);
        Assert.NotNull(taken.Started);
        Assert.Single(await _queue.ListQueuedAsync([], CancellationToken));
        await _queue.CompleteAsync(taken.Id, null, CancellationToken);
    }

    [Fact]
    public async Task Concurrent_workers_never_share_a_job()
    {
        for (var index = 0; index < 40; index++)
        {
            await _queue.EnqueueAsync(Request("job " + index), CancellationToken);
        }

        var workers = new List<RedisJobQueue>();
        for (var index = 0; index < 4; index++)
        {
            workers.Add(await ConnectAsync(TimeSpan.FromSeconds(30)));
        }

        var taken = await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            var ids = new List<string>();
            while (await worker.TakeNextAsync([], CancellationToken) is { } job)
            {
                ids.Add(job.Id);
                await worker.CompleteAsync(job.Id, null, CancellationToken);
            }

            return ids;
        })));
        workers.ForEach(worker => worker.Dispose());

        var all = taken.SelectMany(ids => ids).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Complete_records_success_and_failure()
    {
        await _queue.EnqueueAsync(Request("ok"), CancellationToken);
        await _queue.EnqueueAsync(Request("broken"), CancellationToken);
        var ok = await _queue.TakeNextAsync([], CancellationToken);
        var broken = await _queue.TakeNextAsync([], CancellationToken);

        await _queue.CompleteAsync(ok!.Id, null, CancellationToken);
        await _queue.CompleteAsync(broken!.Id, "Invalid CSV header", CancellationToken);

        var finished = await _queue.GetAsync(ok.Id, CancellationToken);
        var failed = await _queue.GetAsync(broken.Id, CancellationToken);
        Assert.Equal(JobStatus.Finished, finished!.Status);
        Assert.NotNull(finished.Ended);
        Assert.Null(finished.Error);
        Assert.Equal(JobStatus.Failed, failed!.Status);
        Assert.Equal("Invalid CSV header", failed.Error);
    }

    [Fact]
    public async Task Progress_is_kept_until_requeue()
    {
        await _queue.EnqueueAsync(Request("load"), CancellationToken);
        var taken = await _queue.TakeNextAsync([], CancellationToken);

        await _queue.ReportProgressAsync(taken!.Id, new JobProgress { Done = 250, Total = 1000 }, CancellationToken);
        var running = await _queue.GetAsync(taken.Id, CancellationToken);
        await _queue.RequeueAsync(taken.Id, CancellationToken);
        var requeued = await _queue.GetAsync(taken.Id, CancellationToken);

        Assert.Equal(new JobProgress { Done = 250, Total = 1000 }, running!.Progress);
        Assert.Null(requeued!.Progress);
    }

    [Fact]
    public async Task Requeue_puts_job_back_first()
    {
        var first = await _queue.EnqueueAsync(Request("one"), CancellationToken);
        await _queue.EnqueueAsync(Request("two"), CancellationToken);
        var taken = await _queue.TakeNextAsync([], CancellationToken);

        await _queue.RequeueAsync(taken!.Id, CancellationToken);

        var queued = await _queue.ListQueuedAsync([], CancellationToken);
        Assert.Equal(first.Id, queued[0].Id);
        Assert.Equal(JobStatus.Queued, queued[0].Status);
        Assert.Null(queued[0].Started);
    }

    [Fact]
    public async Task Cancel_deletes_job_in_any_state()
    {
        var queued = await _queue.EnqueueAsync(Request("queued"), CancellationToken);
        await _queue.EnqueueAsync(Request("started"), CancellationToken);
        await _queue.TakeNextAsync([], CancellationToken);
        var started = (await _queue.ListQueuedAsync([], CancellationToken)).Single();
        var running = await _queue.TakeNextAsync([], CancellationToken);

        Assert.True(await _queue.CancelAsync(queued.Id, CancellationToken));
        Assert.True(await _queue.CancelAsync(running!.Id, CancellationToken));
        Assert.False(await _queue.CancelAsync(Guid.NewGuid().ToString(), CancellationToken));
        Assert.Null(await _queue.GetAsync(started.Id, CancellationToken));
        Assert.Empty(await _queue.ListQueuedAsync([], CancellationToken));
    }

    [Fact]
    public async Task Clear_empties_named_or_all_queues()
    {
        await _queue.EnqueueAsync(Request("a") with { Queue = "alpha" }, CancellationToken);
        var beta = await _queue.EnqueueAsync(Request("b") with { Queue = "beta" }, CancellationToken);
        await _queue.EnqueueAsync(Request("c") with { Queue = "gamma" }, CancellationToken);

        var named = await _queue.ClearAsync(["alpha"], CancellationToken);
        var rest = await _queue.ClearAsync([], CancellationToken);

        Assert.Equal(["alpha"], named);
        Assert.Equal(["beta", "gamma"], rest);
        Assert.Null(await _queue.GetAsync(beta.Id, CancellationToken));
        Assert.Empty(await _queue.ListQueuedAsync([], CancellationToken));
    }

    [Fact]
    public async Task Job_of_a_dead_worker_runs_again()
    {
        var queued = await _queue.EnqueueAsync(Request("survivor"), CancellationToken);
        var dying = await ConnectAsync(ShortLease);
        var taken = await dying.TakeNextAsync([], CancellationToken);

        // Disposing stops the lease renewals, as the end of the worker's process would.
        dying.Dispose();
        var other = await ConnectAsync(ShortLease);
        var immediately = await other.TakeNextAsync([], CancellationToken);
        await Task.Delay(ShortLease * 2, CancellationToken);
        var later = await other.TakeNextAsync([], CancellationToken);
        await other.CompleteAsync(later!.Id, null, CancellationToken);
        other.Dispose();

        Assert.Equal(queued.Id, taken!.Id);
        Assert.Null(immediately);
        Assert.Equal(queued.Id, later.Id);
    }

    [Fact]
    public async Task Running_job_keeps_its_lease()
    {
        await _queue.EnqueueAsync(Request("long"), CancellationToken);
        var worker = await ConnectAsync(ShortLease);
        var other = await ConnectAsync(ShortLease);
        var taken = await worker.TakeNextAsync([], CancellationToken);

        await Task.Delay(ShortLease * 3, CancellationToken);
        var stolen = await other.TakeNextAsync([], CancellationToken);
        await worker.CompleteAsync(taken!.Id, null, CancellationToken);
        worker.Dispose();
        other.Dispose();

        Assert.Null(stolen);
        Assert.Equal(JobStatus.Finished, (await _queue.GetAsync(taken.Id, CancellationToken))!.Status);
    }

    [Fact]
    public async Task RecoverAbandoned_counts_expired_leases()
    {
        await _queue.EnqueueAsync(Request("one"), CancellationToken);
        var dying = await ConnectAsync(ShortLease);
        await dying.TakeNextAsync([], CancellationToken);
        dying.Dispose();
        await Task.Delay(ShortLease * 2, CancellationToken);

        var recovered = await _queue.RecoverAbandonedAsync(CancellationToken);

        Assert.Equal(1, recovered);
        Assert.Single(await _queue.ListQueuedAsync([], CancellationToken));
    }

    [Theory]
    [InlineData("http://127.0.0.1:6379")]
    [InlineData("redis://127.0.0.1:6379/zero")]
    [InlineData("not a url")]
    public void Invalid_url_is_a_config_error(string url)
    {
        var error = Assert.Throws<Ckan.Core.Config.ConfigException>(() => RedisUrl.Parse(url));

        Assert.Contains("ckan.redis.url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_parts_become_client_options()
    {
        var options = RedisUrl.Parse("redis://:s3cret@127.0.0.1:6390/2");

        Assert.Equal("127.0.0.1:6390", Assert.Single(options.EndPoints).ToString());
        Assert.Equal("s3cret", options.Password);
        Assert.Equal(2, options.DefaultDatabase);
        Assert.False(options.Ssl);
    }

    private Task<RedisJobQueue> ConnectAsync(TimeSpan lease) => RedisJobQueue.ConnectAsync(TestRedis.Url(), _site, lease);

    private static JobRequest Request(string title) => new() { Kind = "test", Title = title, Payload = "{\"n\":1}" };
}
