using Microsoft.Extensions.Logging;

namespace Ckan.DataStore;

/// <summary>Log messages of the DataStore; event ids 4000-4999.</summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Filled the full-text column of {RowCount} rows of resource {ResourceId} and indexed it in {Seconds:F1} s")]
    public static partial void FullTextFilled(ILogger logger, string resourceId, long rowCount, double seconds);

    [LoggerMessage(4002, LogLevel.Information, "Stopped filling the full-text column of resource {ResourceId}: {Reason}")]
    public static partial void FullTextFillStopped(ILogger logger, string resourceId, string reason);

    [LoggerMessage(4003, LogLevel.Error, "Filling the full-text column of resource {ResourceId} failed; the next q search retries it")]
    public static partial void FullTextFillFailed(ILogger logger, string resourceId, Exception exception);
}
