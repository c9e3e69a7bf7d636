using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.User;

/// <summary>
/// A user's API tokens: the list, a form to create one and a button to revoke each. A new token is shown
/// once, in the response to the form, and never again, as CKAN does.
/// </summary>
public sealed class ApiTokensModel(ActionRunner actions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public string TokenName { get; set; } = "";

    public FormErrors Errors { get; } = new();

    public string UserName { get; private set; } = "";

    public IReadOnlyList<JsonObject> Tokens { get; private set; } = [];

    /// <summary>The token just created, shown once; null otherwise.</summary>
    public string? NewToken { get; private set; }

    public bool Revoked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool revoked, CancellationToken cancellationToken)
    {
        if (actions.User is null)
        {
            return Challenge();
        }

        Revoked = revoked;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string id, CancellationToken cancellationToken)
    {
        if (actions.User is null)
        {
            return Challenge();
        }

        try
        {
            var created = await actions.RunObjectAsync(
                "api_token_create", new JsonObject { ["user"] = id, ["name"] = TokenName.Trim() }, cancellationToken);
            NewToken = created.Str("token");
            TokenName = "";
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, string jti, CancellationToken cancellationToken)
    {
        if (actions.User is null)
        {
            return Challenge();
        }

        // Listing first checks that the caller may manage this user's tokens and that the token is theirs.
        await LoadAsync(id, cancellationToken);
        if (!Tokens.Any(token => string.Equals(token.Str("id"), jti, StringComparison.Ordinal)))
        {
            return NotFound();
        }

        await actions.RunAsync("api_token_revoke", new JsonObject { ["jti"] = jti }, cancellationToken);
        return LocalRedirect(Url.Content("~/user/" + UserName + "/api-tokens") + "?revoked=true");
    }

    private async Task LoadAsync(string id, CancellationToken cancellationToken)
    {
        var profile = await actions.RunObjectAsync("user_show", new JsonObject { ["id"] = id }, cancellationToken);
        UserName = profile.Str("name") ?? id;
        Tokens = (await actions.RunListAsync("api_token_list", new JsonObject { ["user"] = UserName }, cancellationToken))
            .OfType<JsonObject>()
            .ToList();
    }
}
