using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Dataset;

/// <summary>
/// The data stage of adding a dataset, also used to add data to a published one. "Save and add another"
/// stays on this stage; "Finish" publishes a draft, which CKAN allows only once it has a resource.
/// </summary>
public sealed class ResourceNewModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public ResourceForm Resource { get; set; } = new();

    /// <summary>The file chosen in the form's <c>upload</c> field, or null for a link.</summary>
    [BindProperty(Name = "upload")]
    public IFormFile? Upload { get; set; }

    [BindProperty(Name = "save")]
    public string Save { get; set; } = "";

    public FormErrors Errors { get; } = new();

    public ResourceFormView FormView => new(Resource, Errors, actions.Services.Config.MaxResourceSizeMegabytes);

    public JsonObject Dataset { get; private set; } = [];

    public bool IsDraft => string.Equals(Dataset.Str("state"), "draft", StringComparison.Ordinal);

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? saved, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        Saved = saved;
        return denied ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var datasetId = Dataset.Str("id")!;
        var name = Dataset.Str("name")!;
        var finishing = string.Equals(Save, "finish", StringComparison.Ordinal);
        var hasFile = Upload is { Length: > 0 };
        if (!(finishing && Resource.IsEmpty && !hasFile))
        {
            var input = Resource.ToActionInput(hasFile);
            input["package_id"] = datasetId;
            try
            {
                await actions.RunAsync("resource_create", input, Upload, cancellationToken);
            }
            catch (ValidationException error)
            {
                Errors.AddFrom(error, text);
                return Page();
            }
        }
        else if (Dataset.List("resources").Count == 0)
        {
            Errors.Add("url", text["ResourceForm.NeedOne"]);
            return Page();
        }

        if (!finishing)
        {
            return LocalRedirect(Url.Content("~/dataset/" + name + "/resource/new") + "?saved=1");
        }

        if (IsDraft)
        {
            await actions.RunAsync(
                "package_patch", new JsonObject { ["id"] = datasetId, ["state"] = "active" }, cancellationToken);
        }

        return LocalRedirect(Url.Content("~/dataset/" + name));
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var dataset = await DatasetLoader.ShowAsync(actions, id, cancellationToken);
        if (dataset is null)
        {
            return NotFound();
        }

        if (!await actions.CanEditDatasetAsync(dataset, cancellationToken))
        {
            return actions.User is null ? Challenge() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Dataset = dataset;
        return null;
    }
}
