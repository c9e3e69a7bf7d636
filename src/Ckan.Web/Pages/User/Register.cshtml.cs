using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Pages.User;

/// <summary>
/// The sign-up form, open when <c>ckan.auth.create_user_via_web</c> is on. The account is made by
/// user_create, which applies the option and CKAN's user schema; the new user is then logged in.
/// </summary>
public sealed class RegisterModel(ActionRunner actions, LoginService logins, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string FullName { get; set; } = "";

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password1 { get; set; } = "";

    [BindProperty]
    public string Password2 { get; set; } = "";

    public FormErrors Errors { get; } = new();

    public IActionResult OnGet() => IsOpen ? Page() : Forbid403();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            return Forbid403();
        }

        // Matching the two password fields is a check of this form, as in CKAN's view, not of the schema.
        if (!string.Equals(Password1, Password2, StringComparison.Ordinal))
        {
            Errors.Add("password", text["Register.PasswordsDiffer"]);
            return Page();
        }

        var input = new JsonObject
        {
            ["name"] = Name.Trim(),
            ["fullname"] = FullName.Trim(),
            ["email"] = Email.Trim(),
            ["password"] = Password1,
        };
        try
        {
            await actions.RunAsync("user_create", input, cancellationToken);
        }
        catch (ValidationException error)
        {
            Errors.AddFrom(error, text);
            return Page();
        }

        var user = await logins.VerifyAsync(Name.Trim(), Password1, cancellationToken);
        if (user is not null)
        {
            await LoginService.SignInAsync(HttpContext, user);
        }

        return LocalRedirect(Url.Content("~/user/" + Name.Trim()));
    }

    private bool IsOpen => actions.User is null && actions.Services.Config.AuthOption("create_user_via_web")
        || actions.User?.Sysadmin == true;

    private StatusCodeResult Forbid403() => StatusCode(StatusCodes.Status403Forbidden);
}
