using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Dataset;

/// <summary>
/// Editing a dataset's metadata with package_patch, which keeps its resources. A draft goes on to the
/// data stage, as in CKAN's two-stage form.
/// </summary>
public sealed class EditModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public DatasetForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public DatasetFormOptions Options { get; private set; } = null!;

    public string DatasetName { get; private set; } = "";

    public string DatasetTitle { get; private set; } = "";

    public bool IsDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var dataset = await DatasetLoader.ShowAsync(actions, id, cancellationToken);
        if (dataset is null)
        {
            return NotFound();
        }

        if (!await actions.CanEditDatasetAsync(dataset, cancellationToken))
        {
            return actions.User is null ? Challenge() : Forbid403();
        }

        Form = DatasetForm.FromDataset(dataset);
        await LoadPageAsync(dataset, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var dataset = await DatasetLoader.ShowAsync(actions, id, cancellationToken);
        if (dataset is null)
        {
            return NotFound();
        }

        var input = Form.ToActionInput();
        input["id"] = dataset.Str("id");
        try
        {
            var updated = await actions.RunObjectAsync("package_patch", input, cancellationToken);
            var name = updated.Str("name");
            var isDraft = string.Equals(updated.Str("state"), "draft", StringComparison.Ordinal);
            return LocalRedirect(Url.Content("~/dataset/" + name + (isDraft ? "/resource/new" : "")));
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            await LoadPageAsync(dataset, cancellationToken);
            return Page();
        }
    }

    private async Task LoadPageAsync(JsonObject dataset, CancellationToken cancellationToken)
    {
        DatasetName = dataset.Str("name") ?? "";
        DatasetTitle = dataset.DisplayName();
        IsDraft = string.Equals(dataset.Str("state"), "draft", StringComparison.Ordinal);
        Options = await DatasetFormOptions.LoadAsync(actions, cancellationToken);
    }

    private StatusCodeResult Forbid403() => StatusCode(StatusCodes.Status403Forbidden);
}
