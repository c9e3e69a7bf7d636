using Ckan.Core.Actions;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ckan.Web.Auth;

/// <summary>
/// Finds the user behind an API token in the request header. As in CKAN, a token that does not decode,
/// was revoked, or belongs to an inactive user makes the request anonymous rather than failing it.
/// </summary>
public sealed class ApiTokenAuthenticator(CkanServices services, ILogger<ApiTokenAuthenticator> logger)
{
    private readonly string _headerName = services.Config.ApiTokenHeaderName;

    /// <summary>Returns the token's user, or null for an anonymous request.</summary>
    public async Task<UserRow?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var value = request.Headers[_headerName].ToString().Trim();
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            value = value[7..].Trim();
        }

        if (value.Length == 0)
        {
            return null;
        }

        var tokenId = services.Tokens.DecodeTokenId(value);
        if (tokenId is null)
        {
            Log.TokenRejected(logger, "(undecodable)", "signature or format invalid");
            return null;
        }

        await using var session = await services.Store.OpenSessionAsync(write: true, cancellationToken);
        var token = await session.GetApiTokenAsync(tokenId, cancellationToken);
        if (token is null)
        {
            Log.TokenRejected(logger, tokenId, "revoked or unknown");
            return null;
        }

        var user = await session.GetUserAsync(token.UserId, cancellationToken);
        if (user is null || !string.Equals(user.State, "active", StringComparison.Ordinal))
        {
            Log.TokenRejected(logger, tokenId, "owner is not an active user");
            return null;
        }

        await session.TouchApiTokenAsync(tokenId, CkanTime.ToStorage(CkanTime.UtcNow()), cancellationToken);
        await session.CommitAsync(cancellationToken);
        return user;
    }
}
