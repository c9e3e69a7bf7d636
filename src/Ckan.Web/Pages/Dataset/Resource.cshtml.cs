using System.Text.Json.Nodes;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Dataset;

/// <summary>
/// A resource's page: its description, download link, a preview of its DataStore table with the data
/// dictionary, and its metadata, beside the dataset's other resources.
/// </summary>
public sealed class ResourceModel(ActionRunner actions) : PageModel
{
    // Resource fields the metadata table shows first, in this order; other keys follow alphabetically.
    private static readonly string[] KnownFields =
    [
        "format", "mimetype", "size", "created", "last_modified", "metadata_modified", "url_type", "hash", "id",
    ];

    private static readonly HashSet<string> HiddenFields = new(StringComparer.Ordinal)
    {
        "name", "description", "url", "package_id", "position", "state", "datastore_active", "cache_url",
        "cache_last_updated", "mimetype_inner", "resource_type",
    };

    public JsonObject Dataset { get; private set; } = [];
    public JsonObject Resource { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>The preview page of the DataStore table, or null when the resource has none.</summary>
    public DataPreview? Preview { get; private set; }

    /// <summary>The last DataPusher load, shown to publishers while the table is missing; null otherwise.</summary>
    public DataPusherStatusView? Load { get; private set; }

    /// <summary>The address of the file for download, on this site for an upload, or null when there is none.</summary>
    public string? DownloadUrl { get; private set; }

    /// <summary>The address shown beside the download button: an upload's file name, or the link.</summary>
    public string ShownUrl { get; private set; } = "";

    /// <summary>The rows of the metadata table: known fields first, then the resource's own extras.</summary>
    public IReadOnlyList<(string Key, string Value, bool IsDate)> Metadata { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string resourceId, CancellationToken cancellationToken)
    {
        var dataset = await DatasetLoader.ShowAsync(actions, id, cancellationToken);
        var resource = dataset?.List("resources")
            .FirstOrDefault(candidate => string.Equals(candidate.Str("id"), resourceId, StringComparison.Ordinal));
        if (dataset is null || resource is null)
        {
            return NotFound();
        }

        Dataset = dataset;
        Resource = resource;
        CanEdit = await actions.CanEditDatasetAsync(dataset, cancellationToken);
        Metadata = BuildMetadata(resource);
        DownloadUrl = BuildDownloadUrl(dataset, resource);
        ShownUrl = ShowUrl(resource);
        if (resource.Flag("datastore_active"))
        {
            Preview = await DataPreview.LoadAsync(
                actions, resourceId, DataPreviewQuery.FromQuery(Request.Query), cancellationToken);
        }

        if (Preview is null && CanEdit && actions.Services.Actions.Find("datapusher_status") is not null)
        {
            Load = await DataPusherStatusView.LoadAsync(actions, resourceId, cancellationToken);
        }

        return Page();
    }

    // A table made with datastore_create alone has CKAN's placeholder URL, which is not worth showing.
    private static string ShowUrl(JsonObject resource) => resource.Str("url_type") switch
    {
        "upload" => ResourceForm.FromResource(resource).CurrentUpload,
        "datastore" => "",
        _ => resource.Str("url") ?? "",
    };

    // An upload's stored URL is built on ckan.site_url, which may not be the address this page was reached
    // at, so the page links to the download route of this site instead. A DataStore-only table downloads
    // as the DataStore's CSV dump.
    private string? BuildDownloadUrl(JsonObject dataset, JsonObject resource)
    {
        var url = resource.Str("url") ?? "";
        if (string.Equals(resource.Str("url_type"), "datastore", StringComparison.Ordinal))
        {
            return Url.Content("~/datastore/dump/" + resource.Str("id"));
        }

        if (string.Equals(resource.Str("url_type"), "upload", StringComparison.Ordinal))
        {
            var fileName = url.Contains('/') ? url[(url.LastIndexOf('/') + 1)..] : url;
            return Url.Content("~/dataset/" + dataset.Str("id") + "/resource/" + resource.Str("id") + "/download/")
                + Uri.EscapeDataString(Uri.UnescapeDataString(fileName));
        }

        return WebLinks.IsWebUrl(url) ? url : null;
    }

    private static List<(string Key, string Value, bool IsDate)> BuildMetadata(JsonObject resource)
    {
        var rows = new List<(string Key, string Value, bool IsDate)>();
        var others = resource
            .Select(pair => pair.Key)
            .Where(key => !KnownFields.Contains(key) && !HiddenFields.Contains(key))
            .Order(StringComparer.Ordinal);
        foreach (var key in KnownFields.Concat(others))
        {
            var value = resource.Str(key);
            if (!string.IsNullOrEmpty(value))
            {
                rows.Add((key, value, key is "created" or "last_modified" or "metadata_modified"));
            }
        }

        return rows;
    }
}
