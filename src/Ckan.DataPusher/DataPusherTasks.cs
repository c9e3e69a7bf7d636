using System.Globalization;
using Ckan.Core.Actions;
using Ckan.Core.Model;

namespace Ckan.DataPusher;

/// <summary>Reads and writes the DataPusher's task_status row of a resource, as CKAN keeps it.</summary>
public static class DataPusherTasks
{
    /// <summary>The task type and key of DataPusher rows.</summary>
    public const string TaskType = "datapusher";

    /// <summary>Returns the resource's row, or null when nothing was ever submitted.</summary>
    public static async Task<TaskStatusRow?> GetAsync(CkanServices services, string resourceId, CancellationToken cancellationToken)
    {
        await using var session = await services.Store.OpenSessionAsync(write: false, cancellationToken);
        return await session.GetTaskStatusAsync(resourceId, TaskType, TaskType, cancellationToken);
    }

    /// <summary>Saves the resource's row with <paramref name="state"/>, stamping it with the current time.</summary>
    public static async Task<TaskStatusRow> SaveAsync(
        CkanServices services,
        string resourceId,
        string state,
        string value,
        string error,
        CancellationToken cancellationToken)
    {
        await using var session = await services.Store.OpenSessionAsync(write: true, cancellationToken);
        var existing = await session.GetTaskStatusAsync(resourceId, TaskType, TaskType, cancellationToken);
        var row = new TaskStatusRow
        {
            Id = existing?.Id ?? Guid.NewGuid().ToString(),
            EntityId = resourceId,
            EntityType = "resource",
            TaskType = TaskType,
            Key = TaskType,
            Value = value,
            State = state,
            Error = error,
            LastUpdated = Now(),
        };
        await session.SaveTaskStatusAsync(row, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>Returns the current UTC time in CKAN's task_status form, <c>YYYY-MM-DD HH:MM:SS.ffffff</c>.</summary>
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Reads a task time back, or null when it is missing or malformed.</summary>
    public static DateTime? ParseTime(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var time) ? time : null;
}
