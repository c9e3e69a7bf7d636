using System.Text.Json.Nodes;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Dataset;

/// <summary>A resource's page: its description, download link and metadata, beside the dataset's other resources.</summary>
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
        return Page();
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
