using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.DataStore;
using Ckan.DataStore.Actions;
using Ckan.DataStore.Writing;
using Ckan.Ingest;
using Ckan.Ingest.Fetching;
using Ckan.Ingest.Pipeline;
using Ckan.Jobs;
using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher;

/// <summary>
/// The job that loads a resource's file into its DataStore table: the uploaded file, or the file at the
/// resource's URL within the fetch limits. The table is replaced only when the whole file loaded, and the
/// task_status row records the outcome with a short log for <c>datapusher_status</c>. While rows go in, the
/// row's value and the queued job carry the rows done and the rows in the file, updated about once a second.
/// </summary>
public sealed class PushToDataStoreJob(
    CkanServices services,
    IDataStore store,
    IJobQueue queue,
    DataPusherOptions options,
    ILogger logger)
{
    /// <summary>The job kind in the queue.</summary>
    public const string Kind = "datapusher";

    /// <summary>Returns the request for a job that loads <paramref name="resourceId"/>.</summary>
    public static JobRequest Request(string resourceId) => new()
    {
        Kind = Kind,
        Title = "Push resource " + resourceId + " to the DataStore",
        Payload = new JsonObject { ["resource_id"] = resourceId }.ToJsonString(),
    };

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var resourceId = JsonNode.Parse(job.Payload)?["resource_id"]?.GetValue<string>()
            ?? throw new InvalidOperationException("The job has no resource_id.");
        var log = new JsonArray();
        try
        {
            AddLog(log, "INFO", $"Loading resource {resourceId} into the DataStore");
            var rows = await LoadAsync(job, resourceId, log, cancellationToken);
            AddLog(log, "INFO", $"Successfully pushed {rows} entries to \"{resourceId}\".");
            await SaveAsync(job, resourceId, "complete", log, "{}", Rows(rows, rows), cancellationToken);
            DataPusherLog.Loaded(logger, resourceId, rows);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure ends the task in error, so datapusher_status does not stay pending after a load failed.
            var message = IsFileOrDataProblem(error)
                ? error.Message
                : $"The load failed unexpectedly ({error.GetType().Name}: {error.Message}). The worker's log has the details.";
            AddLog(log, "ERROR", message);
            var detail = new JsonObject { ["message"] = message }.ToJsonString();
            await SaveAsync(job, resourceId, "error", log, detail, null, CancellationToken.None);
            DataPusherLog.Failed(logger, resourceId, message);
            throw;
        }
    }

    private static bool IsFileOrDataProblem(Exception error) =>
        error is IngestException or BulkLoadException or ValidationException or NotFoundException or IOException;

    private async Task<long> LoadAsync(Job job, string resourceId, JsonArray log, CancellationToken cancellationToken)
    {
        var system = new ActionContext(services, null, ignoreAuth: true);
        var resource = (await services.CallAsSiteAsync("resource_show", new JsonObject { ["id"] = resourceId }, cancellationToken))!
            .AsObject();
        FetchedFile? fetched = null;
        try
        {
            string path;
            if (resource["url_type"]?.GetValue<string>() == "upload")
            {
                path = services.ResourceFiles?.GetPath(resourceId)
                    ?? throw new IngestException("Uploads are off (ckan.storage_path is not set), so the file cannot be read.");
                if (!File.Exists(path))
                {
                    throw new IngestException($"The uploaded file of resource {resourceId} is missing from the storage folder.");
                }
            }
            else
            {
                var url = resource["url"]?.GetValue<string>() ?? "";
                AddLog(log, "INFO", "Fetching " + url);
                fetched = await UrlFetcher.FetchAsync(url, Path.Combine(Path.GetTempPath(), "ckan-datapusher"), options.Fetch,
                    cancellationToken);
                path = fetched.Path;
            }

            var sink = new DataStoreSink(store, resourceId);
            IngestResult result;
            try
            {
                result = await TabularIngester.IngestAsync(
                    path,
                    sink,
                    (progress, token) => ReportProgressAsync(job, resourceId, log, progress, token),
                    cancellationToken);
            }
            catch (IngestException error)
            {
                // Messages name the file on disk, so they are rewritten with the uploaded name or URL the publisher used.
                var shownName = Uri.TryCreate(resource["url"]?.ToString(), UriKind.Absolute, out var address)
                    ? Uri.UnescapeDataString(address.Segments[^1])
                    : resource["url"]?.ToString() ?? resourceId;
                throw new IngestException(error.Message.Replace(Path.GetFileName(path), shownName, StringComparison.Ordinal), error);
            }

            AddLog(log, "INFO", $"Detected {result.Fields.Count} columns: "
                + string.Join(", ", result.Fields.Select(field => $"{field.Id} ({field.Type})")));
            await SetActiveAsync(system, resourceId, log, cancellationToken);
            return result.RowCount;
        }
        finally
        {
            fetched?.Dispose();
        }
    }

    // The table is in place once the flag is set in the catalog. A worker process beside a running portal may find
    // the portal's on-disk search index locked, and then only the index misses the flag until the portal
    // reconciles it at its next start or `ckan search-index rebuild` runs.
    private async Task SetActiveAsync(ActionContext system, string resourceId, JsonArray log, CancellationToken cancellationToken)
    {
        try
        {
            await DataStoreActiveFlag.SetAsync(system, resourceId, true, cancellationToken);
        }
        catch (SearchIndexException error)
        {
            AddLog(log, "WARNING", "The search index was not updated: " + error.Message);
            DataPusherLog.IndexNotUpdated(logger, resourceId, error.Message);
        }
    }

    private async Task ReportProgressAsync(
        Job job, string resourceId, JsonArray log, IngestProgress progress, CancellationToken cancellationToken)
    {
        var rows = Rows(progress.RowsDone, progress.RowsTotal);
        await SaveAsync(job, resourceId, "pending", log, "{}", rows, cancellationToken);
        await queue.ReportProgressAsync(
            job.Id, new JobProgress { Done = progress.RowsDone, Total = progress.RowsTotal }, cancellationToken);
    }

    private async Task SaveAsync(
        Job job,
        string resourceId,
        string state,
        JsonArray log,
        string error,
        JsonObject? progress,
        CancellationToken cancellationToken)
    {
        var value = new JsonObject { ["job_id"] = job.Id, ["logs"] = log.DeepClone(), ["progress"] = progress };
        await DataPusherTasks.SaveAsync(services, resourceId, state, value.ToJsonString(), error, cancellationToken);
    }

    private static JsonObject Rows(long done, long total) => new() { ["rows_done"] = done, ["rows_total"] = total };

    private static void AddLog(JsonArray log, string level, string message) => log.Add(new JsonObject
    {
        ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        ["message"] = message,
        ["level"] = level,
    });
}
