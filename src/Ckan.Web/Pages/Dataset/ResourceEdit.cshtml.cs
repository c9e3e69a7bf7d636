using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Dataset;

/// <summary>
/// Editing a resource's link, file and description with resource_patch, which keeps its other fields,
/// and deleting it with resource_delete.
/// </summary>
public sealed class ResourceEditModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public ResourceForm Resource { get; set; } = new();

    /// <summary>A new file chosen in the form's <c>upload</c> field, or null to keep the link or file.</summary>
    [BindProperty(Name = "upload")]
    public IFormFile? Upload { get; set; }

    public FormErrors Errors { get; } = new();

    public ResourceFormView FormView => new(Resource, Errors, actions.Services.Config.MaxResourceSizeMegabytes);

    public JsonObject Dataset { get; private set; } = [];

    public string ResourceId { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, string resourceId, CancellationToken cancellationToken)
    {
        var (denied, resource) = await LoadAsync(id, resourceId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        Resource = ResourceForm.FromResource(resource!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string resourceId, CancellationToken cancellationToken)
    {
        var (denied, resource) = await LoadAsync(id, resourceId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        Resource.KeepUploadOf(resource!);
        var input = Resource.ToActionInput(hasNewFile: Upload is { Length: > 0 });
        input["id"] = resourceId;
        try
        {
            await actions.RunAsync("resource_patch", input, Upload, cancellationToken);
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }

        return LocalRedirect(Url.Content("~/dataset/" + Dataset.Str("name") + "/resource/" + resourceId));
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, string resourceId, CancellationToken cancellationToken)
    {
        var (denied, _) = await LoadAsync(id, resourceId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        await actions.RunAsync("resource_delete", new JsonObject { ["id"] = resourceId }, cancellationToken);
        return LocalRedirect(Url.Content("~/dataset/" + Dataset.Str("name")) + "?resource_deleted=1");
    }

    private async Task<(IActionResult? Denied, JsonObject? Resource)> LoadAsync(
        string id,
        string resourceId,
        CancellationToken cancellationToken)
    {
        var dataset = await DatasetLoader.ShowAsync(actions, id, cancellationToken);
        var resource = dataset?.List("resources")
            .FirstOrDefault(candidate => string.Equals(candidate.Str("id"), resourceId, StringComparison.Ordinal));
        if (dataset is null || resource is null)
        {
            return (NotFound(), null);
        }

        if (!await actions.CanEditDatasetAsync(dataset, cancellationToken))
        {
            return (actions.User is null ? Challenge() : StatusCode(StatusCodes.Status403Forbidden), null);
        }

        Dataset = dataset;
        ResourceId = resourceId;
        return (null, resource);
    }
}
