using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.DataStore.Actions;

namespace Ckan.DataPusher.External;

/// <summary>
/// <c>datapusher_submit</c>, <c>datapusher_status</c> and <c>datapusher_hook</c> for an external DataPusher
/// service, as CKAN's datapusher plugin implements them: jobs are posted to <c>ckan.datapusher.url</c>, the
/// service loads the file through the Action API and reports back through the hook.
/// </summary>
public sealed class ExternalDataPusherActions(DataPusherServiceClient client, DataPusherOptions options)
{
    private static readonly HashSet<string> SubmitKeys = new(StringComparer.Ordinal)
    {
        "resource_id", "id", "set_url_type", "ignore_hash",
    };

    /// <summary>
    /// datapusher_submit: posts a push_to_datastore job for <c>resource_id</c> (or <c>id</c>). Optional
    /// <c>set_url_type</c> (mark the resource as DataPusher output) and <c>ignore_hash</c> (load even when
    /// the file's hash is unchanged). Needs the right to update the dataset. Returns true when a job was
    /// posted, false when the resource is not found or a recent job is still pending.
    /// </summary>
    public async Task<ActionResult> SubmitAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        DataStoreInput.RejectUnknownKeys(data, SubmitKeys);
        var resourceId = DataStoreInput.ResourceId(data);
        await DataStoreAccess.CheckUpdateAsync(context, resourceId, cancellationToken);
        var submitted = await SubmitAsync(
            context.Services,
            resourceId,
            DataDict.GetBool(data, "set_url_type", false),
            DataDict.GetBool(data, "ignore_hash", false),
            cancellationToken);
        return JsonValue.Create(submitted);
    }

    /// <summary>Posts a job as automatic submission does, with neither flag set.</summary>
    /// <exception cref="ValidationException">The service could not be reached or rejected the job.</exception>
    public Task<bool> SubmitAsync(CkanServices services, string resourceId, CancellationToken cancellationToken) =>
        SubmitAsync(services, resourceId, setUrlType: false, ignoreHash: false, cancellationToken);

    /// <summary>
    /// Posts a job unless one is pending and not yet stale; used by the action, the hook and automatic
    /// submission.
    /// </summary>
    /// <exception cref="ValidationException">The service could not be reached or rejected the job; the
    /// task is left in state <c>error</c> with the same dictionary.</exception>
    public async Task<bool> SubmitAsync(
        CkanServices services,
        string resourceId,
        bool setUrlType,
        bool ignoreHash,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var resource = await FindResourceAsync(services, resourceId, cancellationToken);
        if (resource is null)
        {
            return false;
        }

        var existing = await DataPusherTasks.GetAsync(services, resourceId, cancellationToken);
        if (existing?.State == "pending" && DataPusherTasks.ParseTime(existing.LastUpdated) is { } updated
            && DateTime.UtcNow - updated < options.StaleAfter)
        {
            return false;
        }

        var task = await DataPusherTasks.SaveAsync(services, resourceId, "submitting", "{}", "{}", cancellationToken);
        var job = new JsonObject
        {
            ["api_key"] = client.Options.ApiToken,
            ["job_type"] = "push_to_datastore",
            ["result_url"] = client.Options.HookUrl,
            ["metadata"] = new JsonObject
            {
                ["ignore_hash"] = ignoreHash,
                ["ckan_url"] = client.Options.CallbackUrlBase,
                ["resource_id"] = resourceId,
                ["set_url_type"] = setUrlType,
                ["task_created"] = task.LastUpdated,
                ["original_url"] = resource["url"]?.DeepClone(),
            },
        };

        var reply = await PostAsync(services, resourceId, job, cancellationToken);
        var value = new JsonObject
        {
            ["job_id"] = reply.Json?["job_id"]?.DeepClone(),
            ["job_key"] = reply.Json?["job_key"]?.DeepClone(),
        };
        await DataPusherTasks.SaveAsync(services, resourceId, "pending", value.ToJsonString(), "{}", cancellationToken);
        return true;
    }

    /// <summary>
    /// datapusher_status: the resource's task state, job id and key, the service's URL of the job, the job
    /// dictionary it returns (<c>task_info</c>) and the task's error. Not found when nothing was submitted.
    /// </summary>
    public async Task<ActionResult> StatusAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resourceId = DataStoreInput.ResourceId(data);
        await DataStoreAccess.CheckUpdateAsync(context, resourceId, cancellationToken);
        var task = await DataPusherTasks.GetAsync(context.Services, resourceId, cancellationToken)
            ?? throw new NotFoundException("Task not found");

        var value = ParseObject(task.Value);
        var jobId = value["job_id"]?.ToString();
        var jobKey = value["job_key"]?.ToString();
        JsonNode? taskInfo = null;
        if (!string.IsNullOrEmpty(jobId))
        {
            taskInfo = await ReadJobAsync(jobId, jobKey, cancellationToken);
        }

        return new JsonObject
        {
            ["status"] = task.State,
            ["job_id"] = jobId,
            ["job_url"] = string.IsNullOrEmpty(jobId) ? null : client.Options.JobUrlOf(jobId).ToString(),
            ["last_updated"] = task.LastUpdated,
            ["job_key"] = jobKey,
            ["task_info"] = taskInfo,
            ["error"] = ParseObject(task.Error),
        };
    }

    /// <summary>
    /// datapusher_hook: called by the service when a job ends. Parameters: <c>metadata</c> (the job's
    /// metadata, with <c>resource_id</c>) and <c>status</c>. Needs the right to update the dataset. Sets the
    /// task's state; when the job completed but the resource's file or URL changed after the job was
    /// submitted, submits the resource again. Returns null.
    /// </summary>
    public async Task<ActionResult> HookAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        var metadata = data["metadata"] as JsonObject;
        var status = DataDict.GetString(data, "status");
        if (metadata is null || string.IsNullOrEmpty(status))
        {
            var errors = new JsonObject();
            if (metadata is null)
            {
                errors["metadata"] = new JsonArray("Missing value");
            }

            if (string.IsNullOrEmpty(status))
            {
                errors["status"] = new JsonArray("Missing value");
            }

            throw new ValidationException(errors);
        }

        var resourceId = DataDict.GetString(metadata, "resource_id") is { Length: > 0 } id
            ? id
            : throw ValidationException.Missing("resource_id");
        await DataStoreAccess.CheckUpdateAsync(context, resourceId, cancellationToken);
        var task = await DataPusherTasks.GetAsync(context.Services, resourceId, cancellationToken)
            ?? throw new NotFoundException("Task not found");

        // CKAN leaves the task's error as submission left it; the job's own error is kept here as well, so
        // that datapusher_status shows why a load failed even when the service is gone.
        var error = status == "error" && data["error"] is JsonObject jobError
            ? jobError.ToJsonString()
            : task.Error ?? "{}";
        await DataPusherTasks.SaveAsync(context.Services, resourceId, status, task.Value, error, cancellationToken);

        // NOTE: CKAN also creates the default DataStore views here; this portal has no resource views.
        if (status == "complete"
            && await ChangedSinceSubmissionAsync(context.Services, resourceId, metadata, cancellationToken))
        {
            await SubmitAsync(context.Services, resourceId, setUrlType: false, ignoreHash: false, cancellationToken);
        }

        return JsonValue.Create((string?)null);
    }

    private async Task<ServiceReply> PostAsync(
        CkanServices services,
        string resourceId,
        JsonObject job,
        CancellationToken cancellationToken)
    {
        ServiceReply reply;
        try
        {
            reply = await client.PostJobAsync(job, cancellationToken);
        }
        catch (DataPusherConnectionException failure)
        {
            var error = new JsonObject
            {
                ["message"] = "Could not connect to DataPusher.",
                ["details"] = failure.Message,
            };
            await SaveErrorAsync(services, resourceId, error, cancellationToken);
            throw new ValidationException(error);
        }

        if (!reply.IsSuccess)
        {
            var code = (int)reply.Status;
            var message = $"An Error occurred while sending the job: {code} {(code < 500 ? "Client" : "Server")} Error "
                + $"for url: {client.Options.JobUrl}";
            if (reply.Json?["error"]?.ToString() is { Length: > 0 } serviceError)
            {
                message += " " + serviceError;
            }

            var error = new JsonObject
            {
                ["message"] = message,
                ["details"] = reply.Json?.DeepClone() ?? JsonValue.Create(reply.Text),
                ["status_code"] = code,
            };
            await SaveErrorAsync(services, resourceId, error, cancellationToken);
            throw new ValidationException(error);
        }

        return reply;
    }

    private static Task SaveErrorAsync(
        CkanServices services,
        string resourceId,
        JsonObject error,
        CancellationToken cancellationToken) =>
        DataPusherTasks.SaveAsync(services, resourceId, "error", "{}", error.ToJsonString(), cancellationToken);

    private async Task<JsonNode> ReadJobAsync(string jobId, string? jobKey, CancellationToken cancellationToken)
    {
        var unreachable = new JsonObject { ["error"] = "cannot connect to datapusher" };
        try
        {
            var reply = await client.GetJobAsync(jobId, jobKey, cancellationToken);
            return reply is { IsSuccess: true, Json: { } job } ? job : unreachable;
        }
        catch (DataPusherConnectionException)
        {
            return unreachable;
        }
    }

    // As CKAN checks: a newer last_modified than the job's task_created, or, without last_modified, a URL
    // other than the one the job loaded.
    private static async Task<bool> ChangedSinceSubmissionAsync(
        CkanServices services,
        string resourceId,
        JsonObject metadata,
        CancellationToken cancellationToken)
    {
        var resource = await FindResourceAsync(services, resourceId, cancellationToken);
        if (resource is null)
        {
            return false;
        }

        var lastModified = resource["last_modified"]?.ToString();
        var taskCreated = metadata["task_created"]?.ToString();
        if (!string.IsNullOrEmpty(lastModified) && !string.IsNullOrEmpty(taskCreated))
        {
            return DataPusherTasks.ParseTime(lastModified) is { } modified
                && DataPusherTasks.ParseTime(taskCreated) is { } created
                && modified > created;
        }

        var url = resource["url"]?.ToString();
        var originalUrl = metadata["original_url"]?.ToString();
        return !string.IsNullOrEmpty(url) && !string.IsNullOrEmpty(originalUrl)
            && !string.Equals(url, originalUrl, StringComparison.Ordinal);
    }

    private static async Task<JsonObject?> FindResourceAsync(
        CkanServices services,
        string resourceId,
        CancellationToken cancellationToken)
    {
        try
        {
            var request = new JsonObject { ["id"] = resourceId };
            return await services.CallAsSiteAsync("resource_show", request, cancellationToken) as JsonObject;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

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
