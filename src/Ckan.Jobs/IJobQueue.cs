namespace Ckan.Jobs;

/// <summary>
/// A persistent queue of background jobs, CKAN's <c>ckan.lib.jobs</c> without Redis. Jobs are taken in
/// the order they were queued. Implementations are thread safe and may be shared by several processes.
/// </summary>
public interface IJobQueue : IDisposable
{
    /// <summary>The queue used when none is named, as in CKAN.</summary>
    public const string DefaultQueue = "default";

    /// <summary>Adds a job and returns it with its new id.</summary>
    Task<Job> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns the queued jobs of the named queues (all queues when empty), oldest first.</summary>
    Task<IReadOnlyList<Job>> ListQueuedAsync(
        IReadOnlyList<string> queues,
        CancellationToken cancellationToken = default);

    /// <summary>Returns a job in any state, or null when there is no job with that id.</summary>
    Task<Job?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a job whatever its state, as CKAN's job_cancel does; returns false when it is unknown.</summary>
    Task<bool> CancelAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the queued jobs of the named queues, or of all queues when none is named, and returns the
    /// names of the queues cleared: those given, or every queue that had queued jobs.
    /// </summary>
    Task<IReadOnlyList<string>> ClearAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the oldest queued job of the named queues (all when empty), marking it started by this
    /// process, or returns null when none is waiting.
    /// </summary>
    Task<Job?> TakeNextAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken = default);

    /// <summary>Marks a started job finished, or failed with <paramref name="error"/> when it is not null.</summary>
    Task CompleteAsync(string id, string? error, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records how far a started job has come, replacing the last report; <c>ckan jobs show</c> prints it. Does
    /// nothing when the job is unknown. A job put back in its queue loses its progress.
    /// </summary>
    Task ReportProgressAsync(string id, JobProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Puts a started job back in its queue, for a worker that stops before the job ends.</summary>
    Task RequeueAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts back in their queues the started jobs whose worker process is no longer running, so jobs
    /// interrupted by a crash or restart run again; returns how many.
    /// </summary>
    Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken = default);
}
