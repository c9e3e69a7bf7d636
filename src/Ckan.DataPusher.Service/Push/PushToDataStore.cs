using System.Text.Json.Nodes;
using Ckan.DataPusher.Service.Jobs;
using Ckan.Ingest;
using Ckan.Ingest.Pipeline;

namespace Ckan.DataPusher.Service.Push;

/// <summary>
/// The <c>push_to_datastore</c> job: reads the resource through the portal's Action API, downloads its
/// file, skips it when its MD5 matches the resource's hash, parses and types it with the streaming
/// ingester, and loads it with <c>datastore_create</c> and <c>datastore_upsert</c>. Every portal call
/// carries the job's API token.
/// </summary>
public sealed class PushToDataStore(HttpClient http, ResourceDownloader downloader, ServiceSettings settings)
{
    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Runs the job; returns normally when it completed or was skipped.</summary>
    /// <exception cref="JobException">The job failed; the message gives the reason.</exception>
    public async Task RunAsync(JobRecord job, JobLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(log);

        var (resourceId, ckanUrl) = ReadMetadata(job);
        var ckan = new CkanActionClient(http, ckanUrl, job.ApiKey);
        var resource = await ShowResourceAsync(ckan, resourceId, cancellationToken);
        if (Text(resource, "url_type") == "datastore")
        {
            await log.InfoAsync("Dump files are managed with the Datastore API", cancellationToken);
            return;
        }

        using var file = await DownloadAsync(ckan, resource, log, cancellationToken);
        if (Text(resource, "hash") == file.Md5 && !Flag(job.Metadata, "ignore_hash"))
        {
            await log.InfoAsync($"The file hash hasn't changed: {file.Md5}.", cancellationToken);
            return;
        }

        var sink = new ActionApiSink(ckan, resourceId, settings.ChunkInsertRows, log);
        var result = await IngestAsync(file, sink, resource, cancellationToken);
        await log.InfoAsync(
            $"Determined headers and types: {string.Join(", ", sink.Fields.Select(f => $"{f["id"]} ({f["type"]})"))}.",
            cancellationToken);
        if (result.WideRowCount > 0 || result.ShortRowCount > 0)
        {
            await log.WarningAsync(
                $"{result.WideRowCount} rows had cells beyond the header and {result.ShortRowCount} rows had "
                + "fewer cells than the header; missing cells were loaded as empty.",
                cancellationToken);
        }

        if (Flag(job.Metadata, "set_url_type"))
        {
            resource["url_type"] = "datapusher";
            resource["hash"] = file.Md5;
            await ckan.CallAsync("resource_update", resource, cancellationToken);
        }

        await log.InfoAsync($"Successfully pushed {sink.RowsSent} entries to \"{resourceId}\".", cancellationToken);
    }

    private static (string ResourceId, string CkanUrl) ReadMetadata(JobRecord job)
    {
        if (job.Metadata.Count == 0)
        {
            throw new JobException("Metadata missing");
        }

        if (Text(job.Metadata, "resource_id") is not { Length: > 0 } resourceId)
        {
            throw new JobException("No id provided.");
        }

        if (Text(job.Metadata, "ckan_url") is not { Length: > 0 } ckanUrl)
        {
            throw new JobException("No ckan_url provided.");
        }

        if (!Uri.TryCreate(ckanUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new JobException($"ckan_url \"{ckanUrl}\" is not an http or https URL.");
        }

        if (string.IsNullOrEmpty(job.ApiKey))
        {
            throw new JobException("No CKAN API key provided");
        }

        return (resourceId, ckanUrl);
    }

    // DataPusher retries resource_show once, because the portal may not have committed the resource yet.
    private async Task<JsonObject> ShowResourceAsync(
        CkanActionClient ckan,
        string resourceId,
        CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["id"] = resourceId };
        JsonNode? result;
        try
        {
            result = await ckan.CallAsync("resource_show", request, cancellationToken);
        }
        catch (JobException)
        {
            await Task.Delay(settings.RetryDelay, cancellationToken);
            result = await ckan.CallAsync("resource_show", (JsonObject)request.DeepClone(), cancellationToken);
        }

        return result as JsonObject
            ?? throw new JobException($"The portal's resource_show returned no resource for \"{resourceId}\".");
    }

    // An uploaded file is fetched from ckan_url, with the token, whatever host its URL names: the portal
    // may sit behind a proxy whose public name the service cannot reach.
    private async Task<DownloadedFile> DownloadAsync(
        CkanActionClient ckan,
        JsonObject resource,
        JobLog log,
        CancellationToken cancellationToken)
    {
        var url = Text(resource, "url") ?? "";
        var isUpload = Text(resource, "url_type") == "upload";
        if (isUpload && url.IndexOf("/dataset", StringComparison.Ordinal) is var start and >= 0)
        {
            url = ckan.CkanUrl + url[start..];
        }

        await log.InfoAsync($"Fetching from: {url}", cancellationToken);
        var file = await downloader.DownloadAsync(
            url,
            new Uri(ckan.CkanUrl),
            isUpload ? ckan.Authorize : null,
            cancellationToken);
        await log.InfoAsync($"Downloaded {file.Length} bytes, MD5 {file.Md5}.", cancellationToken);
        return file;
    }

    private static async Task<IngestResult> IngestAsync(
        DownloadedFile file,
        ActionApiSink sink,
        JsonObject resource,
        CancellationToken cancellationToken)
    {
        if (await IsLegacyOfficeFileAsync(file.Path, cancellationToken))
        {
            throw new JobException(
                $"The file at {Text(resource, "url")} is an old binary Office file (such as .xls), which this "
                + "DataPusher does not parse. Save it as CSV or XLSX and upload it again.");
        }

        try
        {
            return await TabularIngester.IngestAsync(file.Path, sink, cancellationToken);
        }
        catch (IngestException error)
        {
            // The ingester names the temporary file; the publisher recognizes the resource's URL.
            var shown = Text(resource, "url") ?? Text(resource, "id") ?? "the resource";
            var message = error.Message.Replace(Path.GetFileName(file.Path), shown, StringComparison.Ordinal);
            throw new JobException(message, error);
        }
    }

    // Old .xls workbooks are OLE2 compound files; read as text they would load as rows of binary noise.
    private static async Task<bool> IsLegacyOfficeFileAsync(string path, CancellationToken cancellationToken)
    {
        var head = new byte[OleSignature.Length];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return read == head.Length && head.AsSpan().SequenceEqual(OleSignature);
    }

    private static bool Flag(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? Text(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
