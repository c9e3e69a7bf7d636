using System.Text.Json.Nodes;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Dataset;

/// <summary>
/// A resource's DataStore tab for its publishers, at CKAN's <c>/dataset/{id}/resource_data/{resource_id}</c>:
/// the last DataPusher load (datapusher_status) and a button that loads the file again (datapusher_submit).
/// </summary>
public sealed class ResourceDataModel(ActionRunner actions) : PageModel
{
    public JsonObject Dataset { get; private set; } = [];
    public JsonObject Resource { get; private set; } = [];

    /// <summary>The last load, or null when the resource was never submitted.</summary>
    public DataPusherStatusView? Status { get; private set; }

    /// <summary>Whether the DataPusher plugin is on, without which there is nothing to show.</summary>
    public bool IsAvailable { get; private set; }

    /// <summary>Whether this page follows a push: true when queued, false when a load was already pending.</summary>
    public bool? Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        string id,
        string resourceId,
        string? submitted,
        CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, resourceId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        Submitted = submitted switch
        {
            "queued" => true,
            "pending" => false,
            _ => null,
        };
        if (IsAvailable)
        {
            Status = await DataPusherStatusView.LoadAsync(actions, resourceId, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string resourceId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, resourceId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (!IsAvailable)
        {
            return NotFound();
        }

        var queued = await actions.RunAsync(
            "datapusher_submit", new JsonObject { ["resource_id"] = resourceId }, cancellationToken);
        var outcome = queued is JsonValue value && value.TryGetValue<bool>(out var isQueued) && !isQueued ? "pending" : "queued";
        var page = Url.Content("~/dataset/" + Dataset.Str("name") + "/resource_data/" + resourceId);
        return LocalRedirect(page + "?submitted=" + outcome);
    }

    private async Task<IActionResult?> LoadAsync(string id, string resourceId, CancellationToken cancellationToken)
    {
        var dataset = await DatasetLoader.ShowAsync(actions, id, cancellationToken);
        var resource = dataset?.List("resources")
            .FirstOrDefault(candidate => string.Equals(candidate.Str("id"), resourceId, StringComparison.Ordinal));
        if (dataset is null || resource is null)
        {
            return NotFound();
        }

        if (!await actions.CanEditDatasetAsync(dataset, cancellationToken))
        {
            return actions.User is null ? Challenge() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Dataset = dataset;
        Resource = resource;
        IsAvailable = actions.Services.Actions.Find("datapusher_submit") is not null;
        return null;
    }
}
