using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.User;

/// <summary>The login form. After logging in, the user returns to <c>came_from</c> when it is a local path.</summary>
public sealed class LoginModel(LoginService logins, ActionRunner actions) : PageModel
{
    [BindProperty]
    public string Login { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "came_from")]
    public string? CameFrom { get; set; }

    public bool Failed { get; private set; }

    public bool CanRegister => actions.Services.Config.AuthOption("create_user_via_web");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await logins.VerifyAsync(Login, Password, cancellationToken);
        if (user is null)
        {
            Failed = true;
            Password = "";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await LoginService.SignInAsync(HttpContext, user);
        var home = Url.Content("~/user/" + user.Name);
        return LocalRedirect(LoginService.SafeRedirect(CameFrom, home));
    }
}
