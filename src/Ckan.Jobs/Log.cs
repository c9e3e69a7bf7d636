using Microsoft.Extensions.Logging;

namespace Ckan.Jobs;

/// <summary>Log messages of the job queue and workers; event ids 6000-6999.</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Worker started on queues {Queues}")]
    public static partial void WorkerStarted(ILogger logger, string queues);

    [LoggerMessage(6002, LogLevel.Information, "Worker stopped on queues {Queues}")]
    public static partial void WorkerStopped(ILogger logger, string queues);

    [LoggerMessage(6003, LogLevel.Information, "Job {JobId} ({Kind}) started on queue {Queue}")]
    public static partial void JobStarted(ILogger logger, string jobId, string kind, string queue);

    [LoggerMessage(6004, LogLevel.Information, "Job {JobId} finished")]
    public static partial void JobFinished(ILogger logger, string jobId);

    [LoggerMessage(6005, LogLevel.Error, "Job {JobId} ({Kind}) failed")]
    public static partial void JobFailed(ILogger logger, string jobId, string kind, Exception exception);

    [LoggerMessage(6006, LogLevel.Warning, "Job {JobId} has kind {Kind}, which no handler runs")]
    public static partial void NoHandler(ILogger logger, string jobId, string kind);

    [LoggerMessage(6007, LogLevel.Warning, "Requeued {Count} jobs left started by workers that are no longer running")]
    public static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(6008, LogLevel.Information, "Job {JobId} put back in its queue because the worker is stopping")]
    public static partial void JobRequeued(ILogger logger, string jobId);

    [LoggerMessage(6010, LogLevel.Error, "Worker on queue {Queue} failed; starting it again in {DelaySeconds} s")]
    public static partial void WorkerFailed(ILogger logger, string queue, double delaySeconds, Exception exception);

    [LoggerMessage(6009, LogLevel.Information, "Test job {JobId}: {Message}")]
    public static partial void TestJobRan(ILogger logger, string jobId, string message);
}
