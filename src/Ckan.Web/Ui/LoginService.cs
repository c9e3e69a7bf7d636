using System.Security.Claims;
using Ckan.Core.Actions;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Ui;

/// <summary>
/// Checks a login against the catalog's users and issues the login cookie. As CKAN does, the login is a
/// user name or an email address, and a password hash in an outdated format is replaced on success.
/// </summary>
public sealed class LoginService(CkanServices services)
{
    /// <summary>Returns the active user whose password matches, or null.</summary>
    public async Task<UserRow?> VerifyAsync(string login, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        await using var session = await services.Store.OpenSessionAsync(write: true, cancellationToken);
        var user = await session.GetUserAsync(login.Trim(), cancellationToken)
            ?? await session.FindActiveUserByEmailAsync(login.Trim(), cancellationToken);
        if (user is null
            || !string.Equals(user.State, "active", StringComparison.Ordinal)
            || !PasswordHasher.Verify(password, user.Password))
        {
            return null;
        }

        if (PasswordHasher.NeedsRehash(user.Password!))
        {
            user = user with { Password = PasswordHasher.Hash(password) };
            await session.UpdateUserAsync(user, cancellationToken);
        }

        await session.UpdateUserAsync(user with { LastActive = CkanTime.ToStorage(CkanTime.UtcNow()) }, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>Issues the login cookie for the user.</summary>
    public static Task SignInAsync(HttpContext http, UserRow user)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Name)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>
    /// Returns <paramref name="cameFrom"/> when it is a path on this site, else <paramref name="fallback"/>,
    /// so a crafted login link cannot send the user to another site.
    /// </summary>
    public static string SafeRedirect(string? cameFrom, string fallback)
    {
        if (string.IsNullOrEmpty(cameFrom)
            || cameFrom[0] != '/'
            || cameFrom.StartsWith("//", StringComparison.Ordinal)
            || cameFrom.StartsWith("/\\", StringComparison.Ordinal)
            || cameFrom.Any(char.IsControl))
        {
            return fallback;
        }

        return cameFrom;
    }
}
