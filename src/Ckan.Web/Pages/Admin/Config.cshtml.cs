using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Admin;

/// <summary>
/// The sysadmin's site settings at <c>/ckan-admin</c>: title, description, intro and about texts and the
/// logo address, read with config_option_show and saved with config_option_update, whose authorization
/// turns other users away.
/// </summary>
public sealed class ConfigModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public SiteConfigForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public bool IsSaved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in SiteConfigForm.Keys)
        {
            var value = await actions.RunAsync("config_option_show", new JsonObject { ["key"] = key }, cancellationToken);
            values[key] = value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : "";
        }

        Form = SiteConfigForm.FromValues(values);
        IsSaved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Form.LogoUrl.Trim() is { Length: > 0 } logo && !SiteSettings.IsSafeLogoUrl(logo))
        {
            Errors.Add("ckan.site_logo", text["Admin.LogoInvalid"]);
            return Page();
        }

        try
        {
            await actions.RunAsync("config_option_update", Form.ToActionInput(), cancellationToken);
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }

        return LocalRedirect(Url.Content("~/ckan-admin") + "?saved=true");
    }
}
