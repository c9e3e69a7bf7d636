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
        Authorizer.RequireSysadmin(context, $"User {context.UserName} not authorized to delete user {id}");
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

        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var row = await session.GetApiTokenAsync(jti, cancellationToken) ?? throw new NotFoundException("API token not found");
        if (!context.IsSysadmin && !string.Equals(context.User?.Id, row.UserId, StringComparison.Ordinal))
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to revoke token {jti}");
        }

        await session.DeleteApiTokenAsync(jti, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return (JsonNode?)null;
    }
}
