using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Showcase;

/// <summary>
/// The sysadmins' page for the showcase admin list, at ckanext-showcase's <c>/ckan-admin/showcase_admins</c>.
/// </summary>
public sealed class AdminsModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<JsonObject> Admins { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string? Username { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Denial() ?? await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        Denial() ?? await ChangeAsync("ckanext_showcase_admin_add", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) =>
        Denial() ?? await ChangeAsync("ckanext_showcase_admin_remove", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string action, CancellationToken cancellationToken)
    {
        try
        {
            await actions.RunAsync(action, new JsonObject { ["username"] = Username ?? "" }, cancellationToken);
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return await ShowAsync(cancellationToken);
        }
        catch (NotFoundException error)
        {
            Errors.Add("username", error.Detail ?? error.Message);
            return await ShowAsync(cancellationToken);
        }

        return LocalRedirect(Url.Content("~/ckan-admin/showcase_admins"));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var admins = await actions.RunListAsync("ckanext_showcase_admin_list", [], cancellationToken);
        Admins = admins.OfType<JsonObject>().ToList();
        return Page();
    }

    private IActionResult? Denial()
    {
        if (!ShowcasePages.IsEnabled(actions))
        {
            return NotFound();
        }

        if (actions.User is null)
        {
            return Challenge();
        }

        return actions.User.Sysadmin ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}
