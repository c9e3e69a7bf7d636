using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Showcase;

/// <summary>Editing a showcase with ckanext_showcase_update, or deleting it; sysadmins and showcase admins only.</summary>
public sealed class EditModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public ShowcaseForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public string ShowcaseName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        if (await DenialAsync(cancellationToken) is { } denial)
        {
            return denial;
        }

        var showcase = await LoadAsync(name, cancellationToken);
        if (showcase is null)
        {
            return NotFound();
        }

        Form = ShowcaseForm.FromShowcase(showcase);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        if (await DenialAsync(cancellationToken) is { } denial)
        {
            return denial;
        }

        var showcase = await LoadAsync(name, cancellationToken);
        if (showcase is null)
        {
            return NotFound();
        }

        var input = Form.ToActionInput();
        input["id"] = showcase.Str("id");
        try
        {
            var updated = await actions.RunObjectAsync("ckanext_showcase_update", input, cancellationToken);
            return LocalRedirect(Url.Content("~/showcase/" + updated.Str("name")));
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (await DenialAsync(cancellationToken) is { } denial)
        {
            return denial;
        }

        await actions.RunAsync("ckanext_showcase_delete", new JsonObject { ["id"] = name }, cancellationToken);
        return LocalRedirect(Url.Content("~/showcase"));
    }

    private async Task<JsonObject?> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var showcase = await DatasetLoader.ShowAsync(actions, name, cancellationToken);
        if (showcase is null || !string.Equals(showcase.Str("type"), "showcase", StringComparison.Ordinal))
        {
            return null;
        }

        ShowcaseName = showcase.Str("name") ?? name;
        return showcase;
    }

    private async Task<IActionResult?> DenialAsync(CancellationToken cancellationToken)
    {
        if (!ShowcasePages.IsEnabled(actions))
        {
            return NotFound();
        }

        if (actions.User is null)
        {
            return Challenge();
        }

        return await ShowcasePages.CanEditAsync(actions, cancellationToken)
            ? null
            : StatusCode(StatusCodes.Status403Forbidden);
    }
}
