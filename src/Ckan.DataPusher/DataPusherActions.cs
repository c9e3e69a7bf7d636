using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.DataStore.Actions;
using Ckan.Jobs;

namespace Ckan.DataPusher;

/// <summary>
/// <c>datapusher_submit</c> and <c>datapusher_status</c>, with CKAN's parameters and results. Loads run as jobs
/// on this portal's own queue instead of on a separate DataPusher service.
/// </summary>
public sealed class DataPusherActions(IJobQueue queue, DataPusherOptions options)
{
    /// <summary>
    /// datapusher_submit: queues a load of <c>resource_id</c> (or <c>id</c>). Needs the right to update the
    /// dataset. Returns false when a load of the resource is already pending and not yet stale.
    /// </summary>
    public async Task<ActionResult> SubmitAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken)
    {
        var resourceId = RequireResourceId(data);
        await DataStoreAccess.CheckUpdateAsync(context, resourceId, cancellationToken);
        return JsonValue.Create(await SubmitAsync(context.Services, resourceId, cancellationToken));
    }

    /// <summary>Queues a load unless one is pending; used by the action and by automatic submission.</summary>
    public async Task<bool> SubmitAsync(CkanServices services, string resourceId, CancellationToken cancellationToken)
    {
        var task = await DataPusherTasks.GetAsync(services, resourceId, cancellationToken);
        if (task?.State == "pending" && DataPusherTasks.ParseTime(task.LastUpdated) is { } updated
            && DateTime.UtcNow - updated < options.StaleAfter)
        {
            return false;
        }

        var job = await queue.EnqueueAsync(PushToDataStoreJob.Request(resourceId), cancellationToken);
        var value = new JsonObject { ["job_id"] = job.Id, ["logs"] = new JsonArray() }.ToJsonString();
        await DataPusherTasks.SaveAsync(services, resourceId, "pending", value, "{}", cancellationToken);
        return true;
    }

    /// <summary>
    /// datapusher_status: the state of the resource's last load (<c>pending</c>, <c>complete</c> or
    /// <c>error</c>), its job id, time, error and log. Not found when nothing was submitted.
    /// </summary>
    public async Task<ActionResult> StatusAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken)
    {
        var resourceId = RequireResourceId(data);
        await DataStoreAccess.CheckUpdateAsync(context, resourceId, cancellationToken);
        var task = await DataPusherTasks.GetAsync(context.Services, resourceId, cancellationToken)
            ?? throw new NotFoundException("Task not found");
        var value = ParseObject(task.Value);
        return new JsonObject
        {
            ["status"] = task.State,
            ["job_id"] = value["job_id"]?.DeepClone(),
            ["job_url"] = null,
            ["last_updated"] = task.LastUpdated,
            ["job_key"] = null,
            ["task_info"] = new JsonObject
            {
                ["status"] = task.State,
                ["logs"] = value["logs"]?.DeepClone() ?? new JsonArray(),
                ["progress"] = value["progress"]?.DeepClone(),
            },
            ["error"] = ParseObject(task.Error),
        };
    }

    private static string RequireResourceId(JsonObject data) =>
        DataDict.GetString(data, "resource_id") is { Length: > 0 } id ? id
        : DataDict.GetString(data, "id") is { Length: > 0 } alias ? alias
        : throw ValidationException.Missing("resource_id");

    private static JsonObject ParseObject(string? text)
    {
        try
        {
            return string.IsNullOrEmpty(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return new JsonObject { ["message"] = text };
        }
    }
}
