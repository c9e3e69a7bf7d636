using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Showcase;

/// <summary>A showcase's page: its description, link and datasets, with adding and removing datasets for its editors.</summary>
public sealed class ReadModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    public JsonObject Showcase { get; private set; } = [];
    public IReadOnlyList<JsonObject> Datasets { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string? PackageId { get; set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken) =>
        await LoadAsync(name, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string name, CancellationToken cancellationToken) =>
        await ChangeAsync(name, "ckanext_showcase_package_association_create", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(string name, CancellationToken cancellationToken) =>
        await ChangeAsync(name, "ckanext_showcase_package_association_delete", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string name, string action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return actions.User is null ? Challenge() : StatusCode(StatusCodes.Status403Forbidden);
        }

        var link = new JsonObject { ["showcase_id"] = Showcase.Str("id"), ["package_id"] = PackageId ?? "" };
        try
        {
            await actions.RunAsync(action, link, cancellationToken);
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }

        return LocalRedirect(Url.Content("~/showcase/" + Showcase.Str("name")));
    }

    private async Task<bool> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (!ShowcasePages.IsEnabled(actions))
        {
            return false;
        }

        var showcase = await DatasetLoader.ShowAsync(actions, name, cancellationToken);
        if (showcase is null || !string.Equals(showcase.Str("type"), "showcase", StringComparison.Ordinal))
        {
            return false;
        }

        Showcase = showcase;
        var datasets = await actions.RunListAsync(
            "ckanext_showcase_package_list", new JsonObject { ["showcase_id"] = showcase.Str("id") }, cancellationToken);
        Datasets = datasets.OfType<JsonObject>().ToList();
        CanEdit = await ShowcasePages.CanEditAsync(actions, cancellationToken);
        return true;
    }
}
