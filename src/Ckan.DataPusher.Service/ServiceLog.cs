using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher.Service;

/// <summary>Log messages of the DataPusher service; event ids 9100-9199.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 9101, Message = "Job {JobId}: {Message}")]
    public static partial void JobMessage(ILogger logger, LogLevel level, string jobId, string message);

    [LoggerMessage(9102, LogLevel.Information, "Job {JobId} of resource {ResourceId} started")]
    public static partial void JobStarted(ILogger logger, string jobId, string resourceId);

    [LoggerMessage(9103, LogLevel.Information, "Job {JobId} finished with status {Status}")]
    public static partial void JobFinished(ILogger logger, string jobId, string status);

    [LoggerMessage(9104, LogLevel.Error, "Job {JobId} failed with an unexpected error")]
    public static partial void JobCrashed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(9105, LogLevel.Warning, "Job {JobId}: posting the result to {ResultUrl} failed: {Error}")]
    public static partial void CallbackFailed(ILogger logger, string jobId, string resultUrl, string error);

    [LoggerMessage(9106, LogLevel.Information, "DataPusher service listening on {Urls}, job store {JobStore}")]
    public static partial void Started(ILogger logger, string urls, string jobStore);

    [LoggerMessage(9107, LogLevel.Error, "The job worker stopped polling the job store")]
    public static partial void WorkerFailed(ILogger logger, Exception exception);
}
