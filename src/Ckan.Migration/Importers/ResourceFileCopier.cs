using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Uploads;
using Ckan.Migration.Source;

namespace Ckan.Migration.Importers;

/// <summary>
/// Downloads the files of uploaded resources (<c>url_type</c> "upload") from the source into this portal's
/// storage folder, in CKAN's layout <c>resources/&lt;id[0:3]&gt;/&lt;id[3:6]&gt;/&lt;id[6:]&gt;</c>. Each
/// file is written to a temporary name and renamed, so an interrupted copy never leaves a truncated file.
/// </summary>
public sealed class ResourceFileCopier(SourcePortal source, ResourceFileStore? store, long maxBytes, MigrationReport report)
{
    private const string Kind = "files";

    /// <summary>Copies the dataset's uploaded files; returns false when one of them failed.</summary>
    public async Task<bool> CopyAsync(JsonObject dataset, CancellationToken cancellationToken)
    {
        var allCopied = true;
        foreach (var resource in (dataset["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (resource["url_type"]?.ToString() != "upload")
            {
                continue;
            }

            allCopied &= await CopyOneAsync(dataset["id"]?.ToString() ?? "", resource, cancellationToken);
        }

        return allCopied;
    }

    private async Task<bool> CopyOneAsync(string datasetId, JsonObject resource, CancellationToken cancellationToken)
    {
        var id = resource["id"]?.ToString() ?? "";
        var url = resource["url"]?.ToString() ?? "";
        if (store is null)
        {
            report.Failed(Kind, id, "ckan.storage_path is not set, so uploaded files have nowhere to go");
            return false;
        }

        string target;
        try
        {
            target = store.GetPath(id);
        }
        catch (ValidationException)
        {
            report.Failed(Kind, id, "the resource id cannot name a stored file");
            return false;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            report.Failed(Kind, id, "the resource has no download URL");
            return false;
        }

        if (File.Exists(target) && resource["size"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && new FileInfo(target).Length == resource["size"]!.GetValue<long>())
        {
            report.Unchanged(Kind);
            return true;
        }

        // The URL names the source's configured site URL, which may be an internal or outdated host name.
        // So the file is fetched from the address given to the migration, keeping only the file name.
        var fileName = Uri.UnescapeDataString(address.Segments[^1]).TrimEnd('/');
        var download = new Uri(source.SiteUrl,
            $"dataset/{Uri.EscapeDataString(datasetId)}/resource/{id}/download/{Uri.EscapeDataString(fileName)}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".part";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await source.DownloadAsync(download, stream, maxBytes, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
            report.Created(Kind);
            return true;
        }
        catch (Exception error) when (error is SourceCallException or HttpRequestException or IOException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            File.Delete(temporary);
            report.Failed(Kind, id, error.Message);
            return false;
        }
    }
}
