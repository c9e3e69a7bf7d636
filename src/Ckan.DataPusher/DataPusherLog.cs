using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher;

/// <summary>Log messages of the DataPusher; event ids 9000-9099.</summary>
internal static partial class DataPusherLog
{
    [LoggerMessage(9001, LogLevel.Information, "Loaded {Rows} rows of resource {ResourceId} into the DataStore")]
    public static partial void Loaded(ILogger logger, string resourceId, long rows);

    [LoggerMessage(9002, LogLevel.Warning, "Loading resource {ResourceId} into the DataStore failed: {Error}")]
    public static partial void Failed(ILogger logger, string resourceId, string error);

    [LoggerMessage(9003, LogLevel.Warning, "Automatic DataPusher submission of resource {ResourceId} failed: {Error}")]
    public static partial void SubmitFailed(ILogger logger, string resourceId, string error);

    [LoggerMessage(9004, LogLevel.Warning,
        "Resource {ResourceId} is loaded, but the search index was not updated with datastore_active: {Error}")]
    public static partial void IndexNotUpdated(ILogger logger, string resourceId, string error);
}
