using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.Organization;

/// <summary>
/// An organization's members and their roles. Adding a user and changing a role both run
/// organization_member_create (which replaces the user's role, as in CKAN); removing runs
/// organization_member_delete. Those actions decide who may change members.
/// </summary>
public sealed class MembersModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>The roles of an organization member, strongest first.</summary>
    public static readonly IReadOnlyList<string> Roles = ["admin", "editor", "member"];

    [BindProperty(Name = "username")]
    public string Username { get; set; } = "";

    [BindProperty(Name = "role")]
    public string Role { get; set; } = "member";

    public FormErrors Errors { get; } = new();

    public JsonObject Organization { get; private set; } = [];

    public IReadOnlyList<JsonObject> Members { get; private set; } = [];

    /// <summary>The notice after a change, or null.</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        Notice = done switch
        {
            "added" => text["Members.Added"].Value,
            "changed" => text["Members.Changed"].Value,
            "removed" => text["Members.Removed"].Value,
            _ => null,
        };
        return denied ?? Page();
    }

    public Task<IActionResult> OnPostAddAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "organization_member_create", "added", cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "organization_member_create", "changed", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "organization_member_delete", "removed", cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        string id,
        string action,
        string done,
        CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var input = new JsonObject { ["id"] = Organization.Str("id"), ["username"] = Username.Trim() };
        if (action.EndsWith("_create", StringComparison.Ordinal))
        {
            input["role"] = Role;
        }

        try
        {
            await actions.RunAsync(action, input, cancellationToken);
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }
        catch (NotFoundException)
        {
            Errors.Add("username", text["Members.UserNotFound", Username.Trim()]);
            return Page();
        }

        return LocalRedirect(Url.Content("~/organization/members/" + Organization.Str("name")) + "?done=" + done);
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var organization = await actions.RunObjectAsync(
            "organization_show",
            new JsonObject { ["id"] = id, ["include_users"] = true, ["include_datasets"] = false },
            cancellationToken);
        if (!await actions.CanEditGroupAsync(organization.Str("id") ?? "", cancellationToken))
        {
            return actions.User is null ? Challenge() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Organization = organization;
        Members = organization.List("users")
            .OrderBy(user => RoleRank(user.Str("capacity")))
            .ThenBy(user => user.DisplayName(), StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return null;
    }

    private static int RoleRank(string? role)
    {
        var index = Roles.ToList().IndexOf(role ?? "");
        return index < 0 ? Roles.Count : index;
    }
}
