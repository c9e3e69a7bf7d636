using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Group;

/// <summary>Editing a group with group_patch, which keeps its members and extras.</summary>
public sealed class EditModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public GroupForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public string GroupName { get; private set; } = "";

    public string GroupTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var group = await LoadAsync(id, cancellationToken);
        if (!await actions.CanEditGroupAsync(group.Str("id") ?? "", cancellationToken))
        {
            return actions.User is null ? Challenge() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Form = GroupForm.FromGroup(group);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var group = await LoadAsync(id, cancellationToken);
        var input = Form.ToActionInput();
        input["id"] = group.Str("id");
        try
        {
            var updated = await actions.RunObjectAsync("group_patch", input, cancellationToken);
            return LocalRedirect(Url.Content("~/group/" + updated.Str("name")));
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }
    }

    private async Task<JsonObject> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var group = await actions.RunObjectAsync(
            "group_show",
            new JsonObject { ["id"] = id, ["include_datasets"] = false, ["include_users"] = false },
            cancellationToken);
        GroupName = group.Str("name") ?? id;
        GroupTitle = group.DisplayName();
        return group;
    }
}
