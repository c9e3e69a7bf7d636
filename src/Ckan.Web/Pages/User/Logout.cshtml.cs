using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.User;

/// <summary>
/// Logging out. It takes a POST with the anti-forgery token, so another site cannot log a user out; a GET
/// shows a button that sends one.
/// </summary>
public sealed class LogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(Url.Content("~/user/logged_out"));
    }
}
