using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Showcase;

/// <summary>Creating a showcase with ckanext_showcase_create; sysadmins and showcase admins only.</summary>
public sealed class NewModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public ShowcaseForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await DenialAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await DenialAsync(cancellationToken) is { } denial)
        {
            return denial;
        }

        try
        {
            var created = await actions.RunObjectAsync("ckanext_showcase_create", Form.ToActionInput(), cancellationToken);
            return LocalRedirect(Url.Content("~/showcase/" + created.Str("name")));
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }
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
