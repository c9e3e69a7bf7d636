using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Organization;

/// <summary>Creating an organization with organization_create, which makes the creator its admin.</summary>
public sealed class NewModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public GroupForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public IActionResult OnGet() => actions.User is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (actions.User is null)
        {
            return Challenge();
        }

        try
        {
            var created = await actions.RunObjectAsync("organization_create", Form.ToActionInput(), cancellationToken);
            return LocalRedirect(Url.Content("~/organization/" + created.Str("name")));
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }
    }
}
