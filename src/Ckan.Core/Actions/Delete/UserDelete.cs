using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Security;

namespace Ckan.Core.Actions.Delete;

/// <summary>Delete actions on users and API tokens: user_delete and api_token_revoke.</summary>
public static class UserDelete
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("user_delete", UserDeleteAsync)
        .Add("api_token_revoke", ApiTokenRevokeAsync);

    /// <summary>
    /// user_delete: marks a user deleted and ends their memberships (parameter <c>id</c>; sysadmins only).
    /// </summary>
    public static async Task<ActionResult> UserDeleteAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        Authorizer.RequireSysadmin(context, "user_delete");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var user = await session.GetUserAsync(id, cancellationToken)
            ?? throw new NotFoundException($"User \"{id}\" was not found.");

        await session.UpdateUserAsync(user with { State = "deleted" }, cancellationToken);
        await session.DeleteMembershipsOfAsync("user", user.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return (JsonNode?)null;
    }

    /// <summary>
    /// api_token_revoke: deletes a token. Parameters: <c>jti</c> (the token id) or <c>token</c> (the JWT).
    /// Only the token's owner and sysadmins may revoke it.
    /// </summary>
    public static async Task<ActionResult> ApiTokenRevokeAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var jti = DataDict.GetString(data, "jti");
        if (string.IsNullOrEmpty(jti) && DataDict.GetString(data, "token") is { Length: > 0 } token)
        {
            jti = context.Services.Tokens.DecodeTokenId(token);
        }

        if (string.IsNullOrEmpty(jti))
        {
            throw ValidationException.Missing("jti");
        }

        Authorizer.RequireAuthenticated(context, "api_token_revoke");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var row = await session.GetApiTokenAsync(jti, cancellationToken);

        // As in CKAN, a token that does not exist is denied like one the caller does not own, so that
        // token ids cannot be probed.
        if (!context.IsSysadmin && !string.Equals(context.User?.Id, row?.UserId, StringComparison.Ordinal))
        {
            throw new NotAuthorizedException();
        }

        // NOTE: CKAN's action returns success when a sysadmin revokes a missing token. This one reports
        // not found, because `ckan user token revoke` relies on it to fail for an unknown id.
        if (row is null)
        {
            throw new NotFoundException("API token not found");
        }

        await session.DeleteApiTokenAsync(jti, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return (JsonNode?)null;
    }
}
