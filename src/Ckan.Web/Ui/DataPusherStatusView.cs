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

    // NOTE: datapusher_status has no progress fields in CKAN 2.11; this reads rows_done and rows_total from
    // the status, its task_info or a progress object, and shows nothing when none of them is present.
    private static (long? Done, long? Total) ReadProgress(JsonObject status)
    {
        var places = new[] { status, status["task_info"] as JsonObject, status["progress"] as JsonObject };
        foreach (var place in places.OfType<JsonObject>())
        {
            if (place.ContainsKey("rows_done"))
            {
                var total = place.ContainsKey("rows_total") ? place.Number("rows_total") : (long?)null;
                return (place.Number("rows_done"), total);
            }
        }

        return (null, null);
    }
}
