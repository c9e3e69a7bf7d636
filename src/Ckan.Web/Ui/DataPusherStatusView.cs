using System.Text.Json.Nodes;
using Ckan.Core.Errors;

namespace Ckan.Web.Ui;

/// <summary>One line of a DataPusher job's log.</summary>
public sealed record DataPusherLogLine(string Level, string Message, string Timestamp);

/// <summary>
/// The last DataPusher load of a resource as datapusher_status returns it: state, time, error, log and,
/// when the status carries them, the rows loaded so far out of the total.
/// </summary>
public sealed record DataPusherStatusView(
    string State,
    string LastUpdated,
    string Error,
    IReadOnlyList<DataPusherLogLine> Logs,
    long? RowsDone,
    long? RowsTotal)
{
    /// <summary>Whether a load is queued or running, so the page refreshes itself.</summary>
    public bool IsRunning => State is "pending" or "submitting" or "running";

    /// <summary>Loads the status as the current user; null when the resource was never submitted.</summary>
    public static async Task<DataPusherStatusView?> LoadAsync(
        ActionRunner actions,
        string resourceId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);

        JsonObject status;
        try
        {
            status = await actions.RunObjectAsync(
                "datapusher_status", new JsonObject { ["resource_id"] = resourceId }, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        return FromStatus(status);
    }

    /// <summary>Reads a datapusher_status result.</summary>
    public static DataPusherStatusView FromStatus(JsonObject status)
    {
        ArgumentNullException.ThrowIfNull(status);

        var taskInfo = status["task_info"] as JsonObject;
        var logs = taskInfo.List("logs")
            .Select(line => new DataPusherLogLine(
                line.Str("level") ?? "", line.Str("message") ?? "", line.Str("timestamp") ?? ""))
            .ToList();
        var (done, total) = ReadProgress(status);
        return new DataPusherStatusView(
            status.Str("status") ?? "",
            status.Str("last_updated") ?? "",
            status["error"].Str("message") ?? "",
            logs,
            done,
            total);
    }

    // datapusher_status carries progress in task_info.progress, a field CKAN 2.11 does not have; a status
    // without it shows no progress.
    private static (long? Done, long? Total) ReadProgress(JsonObject status)
    {
        if ((status["task_info"] as JsonObject)?["progress"] is not JsonObject progress
            || !progress.ContainsKey("rows_done"))
        {
            return (null, null);
        }

        var total = progress.ContainsKey("rows_total") ? progress.Number("rows_total") : (long?)null;
        return (progress.Number("rows_done"), total);
    }
}
