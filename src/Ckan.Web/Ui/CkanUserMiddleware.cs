using System.Security.Claims;
using Ckan.Core.Actions;
using Ckan.Core.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Ui;

/// <summary>
/// Loads the user named by the login cookie from the catalog once per request. A cookie whose user was
/// deleted or deactivated since it was issued is dropped, so the request runs as a visitor.
/// </summary>
public sealed class CkanUserMiddleware(RequestDelegate next)
{
    private const string ItemKey = "ckan.user";

    public async Task InvokeAsync(HttpContext http, CkanServices services)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            var user = await LoadActiveUserAsync(services, userId, http.RequestAborted);
            if (user is null)
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
            else
            {
                http.Items[ItemKey] = user;
            }
        }

        await next(http);
    }

    /// <summary>Returns the logged-in user of the request, or null for a visitor.</summary>
    public static UserRow? GetUser(HttpContext http) => http.Items[ItemKey] as UserRow;

    private static async Task<UserRow?> LoadActiveUserAsync(
        CkanServices services,
        string userId,
        CancellationToken cancellationToken)
    {
        await using var session = await services.Store.OpenSessionAsync(write: false, cancellationToken);
        var user = await session.GetUserAsync(userId, cancellationToken);
        return user is not null && string.Equals(user.State, "active", StringComparison.Ordinal) ? user : null;
    }
}
