using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;

namespace Ckan.Jobs.Redis;

/// <summary>
/// The server profile's job queue on Redis (<c>ckan.redis.url</c>), shared by the portal and any number of
/// <c>ckan jobs worker</c> processes. A started job holds a lease that its worker renews while the job runs.
/// When a worker dies, the lease runs out, so the next worker that looks for work puts the job back in its queue.
/// </summary>
public sealed class RedisJobQueue : IJobQueue
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    // Finished and failed jobs stay readable for a week, then Redis drops them.
    private static readonly TimeSpan ResultLifetime = TimeSpan.FromDays(7);

    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _database;
    private readonly string _prefix;
    private readonly TimeSpan _lease;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _renewals = new(StringComparer.Ordinal);

    private RedisJobQueue(ConnectionMultiplexer connection, string siteId, TimeSpan lease)
    {
        _connection = connection;
        _database = connection.GetDatabase();
        _prefix = $"ckan:{siteId}:jobs:";
        _lease = lease;
    }

    /// <summary>
    /// Connects to the server at <paramref name="url"/>. Keys start with <c>ckan:{siteId}:jobs:</c>, so sites
    /// sharing a server keep separate queues. A job whose worker stops renewing its lease runs again after
    /// <paramref name="lease"/>.
    /// </summary>
    public static async Task<RedisJobQueue> ConnectAsync(string url, string siteId, TimeSpan lease)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.FromMilliseconds(100));
        var connection = await ConnectionMultiplexer.ConnectAsync(RedisUrl.Parse(url));
        return new RedisJobQueue(connection, siteId, lease);
    }

    /// <summary>Connects as <see cref="ConnectAsync"/> does, for callers that cannot wait asynchronously.</summary>
    public static RedisJobQueue Connect(string url, string siteId, TimeSpan lease)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.FromMilliseconds(100));
        return new RedisJobQueue(ConnectionMultiplexer.Connect(RedisUrl.Parse(url)), siteId, lease);
    }

    public async Task<Job> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = new Job
        {
            Id = Guid.NewGuid().ToString(),
            Queue = request.Queue,
            Kind = request.Kind,
            Title = request.Title,
            Payload = request.Payload,
            Status = JobStatus.Queued,
            Created = DateTime.UtcNow,
        };
        await RunAsync(
            RedisJobScripts.Enqueue,
            job.Id, job.Queue, job.Kind, job.Title ?? "", job.Payload, FormatTime(job.Created));
        return job;
    }

    public async Task<IReadOnlyList<Job>> ListQueuedAsync(
        IReadOnlyList<string> queues,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var names = queues.Count > 0
            ? queues
            : (await _database.SetMembersAsync(_prefix + "queues")).Select(name => name.ToString()).ToList();
        var waiting = new List<(double Sequence, string Id)>();
        foreach (var queue in names)
        {
            var entries = await _database.SortedSetRangeByRankWithScoresAsync(_prefix + "waiting:" + queue);
            waiting.AddRange(entries.Select(entry => (entry.Score, entry.Element.ToString())));
        }

        var jobs = new List<Job>();
        foreach (var (_, id) in waiting.OrderBy(entry => entry.Sequence))
        {
            if (await GetAsync(id, cancellationToken) is { } job)
            {
                jobs.Add(job);
            }
        }

        return jobs;
    }

    public async Task<Job?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var fields = (await _database.HashGetAllAsync(_prefix + "job:" + id))
            .ToDictionary(entry => entry.Name.ToString(), entry => entry.Value.ToString(), StringComparer.Ordinal);
        return fields.Count == 0 ? null : ToJob(fields);
    }

    public async Task<bool> CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        StopRenewing(id);
        return (long)await RunAsync(RedisJobScripts.Cancel, id) == 1;
    }

    public async Task<IReadOnlyList<string>> ClearAsync(
        IReadOnlyList<string> queues,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var cleared = (RedisResult[])(await RunAsync(RedisJobScripts.Clear, [.. queues]))!;
        return queues.Count > 0
            ? queues
            : cleared.Select(name => name.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    public async Task<Job?> TakeNextAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var now = DateTime.UtcNow;
        var takenId = await RunAsync(
            RedisJobScripts.Take,
            [NowMilliseconds().ToString(CultureInfo.InvariantCulture),
             ((long)_lease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
             FormatTime(now), .. queues]);
        if (takenId.IsNull)
        {
            return null;
        }

        var id = takenId.ToString();
        StartRenewing(id);
        return await GetAsync(id, cancellationToken);
    }

    public async Task CompleteAsync(string id, string? error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        StopRenewing(id);
        await RunAsync(
            RedisJobScripts.Complete,
            id,
            error is null ? JobStatus.Finished : JobStatus.Failed,
            FormatTime(DateTime.UtcNow),
            error ?? "",
            ((long)ResultLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
    }

    public async Task ReportProgressAsync(
        string id,
        JobProgress progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(progress);
        await RunAsync(
            RedisJobScripts.Progress,
            id,
            progress.Done.ToString(CultureInfo.InvariantCulture),
            progress.Total?.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    public async Task RequeueAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        StopRenewing(id);
        await RunAsync(RedisJobScripts.Requeue, id);
    }

    public async Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken = default) =>
        (int)(long)await RunAsync(RedisJobScripts.Recover, NowMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Stops renewing leases, so this process's started jobs run again elsewhere, and disconnects.</summary>
    public void Dispose()
    {
        foreach (var id in _renewals.Keys)
        {
            StopRenewing(id);
        }

        _connection.Dispose();
    }

    // Renews the lease three times per lease period, so one late renewal never lets another worker take the job.
    private void StartRenewing(string id)
    {
        var stop = new CancellationTokenSource();
        var stopped = stop.Token;
        _renewals[id] = stop;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(_lease / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(stopped))
                {
                    var end = NowMilliseconds() + (long)_lease.TotalMilliseconds;
                    await RunAsync(RedisJobScripts.Renew, id, end.ToString(CultureInfo.InvariantCulture));
                }
            }
            catch (OperationCanceledException)
            {
                // The job ended or was handed back.
            }
            catch (RedisException)
            {
                // Without the server the lease cannot be renewed; the job runs again once the server is back.
            }
        });
    }

    private void StopRenewing(string id)
    {
        if (_renewals.TryRemove(id, out var stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    private Task<RedisResult> RunAsync(string script, params string[] arguments) =>
        _database.ScriptEvaluateAsync(
            script,
            values: [_prefix, .. arguments.Select(argument => (RedisValue)argument)]);

    private static long NowMilliseconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string FormatTime(DateTime time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime? ParseTime(string? text) => string.IsNullOrEmpty(text)
        ? null
        : DateTime.SpecifyKind(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static Job ToJob(Dictionary<string, string> fields) => new()
    {
        Id = fields["id"],
        Queue = fields["queue"],
        Kind = fields["kind"],
        Title = fields.GetValueOrDefault("title"),
        Payload = fields["payload"],
        Status = fields["status"],
        Created = ParseTime(fields["created"])!.Value,
        Started = ParseTime(fields.GetValueOrDefault("started")),
        Ended = ParseTime(fields.GetValueOrDefault("ended")),
        Error = fields.GetValueOrDefault("error"),
        Progress = fields.TryGetValue("progress_done", out var done)
            ? new JobProgress
            {
                Done = long.Parse(done, CultureInfo.InvariantCulture),
                Total = fields.TryGetValue("progress_total", out var total)
                    ? long.Parse(total, CultureInfo.InvariantCulture)
                    : null,
            }
            : null,
    };
}
