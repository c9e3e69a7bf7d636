using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Dataset;

/// <summary>
/// The first stage of adding a dataset: its metadata. As in CKAN, the dataset is created as a draft,
/// and the second stage adds its data before it is published.
/// </summary>
public sealed class NewModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public DatasetForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public DatasetFormOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? owner_org, CancellationToken cancellationToken)
    {
        if (actions.User is null)
        {
            return Challenge();
        }

        Form.OwnerOrg = owner_org ?? "";
        Options = await DatasetFormOptions.LoadAsync(actions, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (actions.User is null)
        {
            return Challenge();
        }

        var input = Form.ToActionInput();
        input["state"] = "draft";
        try
        {
            var created = await actions.RunObjectAsync("package_create", input, cancellationToken);
            return LocalRedirect(Url.Content("~/dataset/" + created.Str("name") + "/resource/new"));
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
        }
        catch (NotAuthorizedException)
        {
            // package_create decides who may add datasets where, so its refusal is shown beside the organization.
            Errors.Add("owner_org", text["DatasetForm.NotAllowed"]);
        }

        Options = await DatasetFormOptions.LoadAsync(actions, cancellationToken);
        return Page();
    }
}
