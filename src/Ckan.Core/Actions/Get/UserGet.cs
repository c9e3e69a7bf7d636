using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Model;

namespace Ckan.Core.Actions.Get;

/// <summary>Read actions on users and API tokens: user_show, user_list and api_token_list.</summary>
public static class UserGet
{
    private static readonly HashSet<string> UserOrderFields = new(StringComparer.Ordinal)
    {
        "display_name", "id", "name", "fullname", "created", "about", "sysadmin",
    };

    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .AddRead("user_show", UserShowAsync)
        .AddRead("user_list", UserListAsync)
        .AddRead("api_token_list", ApiTokenListAsync);

    /// <summary>
    /// user_show: a user's dictionary. Parameters: <c>id</c> (id or name; the caller by default),
    /// <c>include_password_hash</c> (sysadmins only). Email and API key appear for the user and sysadmins.
    /// </summary>
    public static async Task<ActionResult> UserShowAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        CheckPublicDetails(context);
        var id = DataDict.GetString(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var user = string.IsNullOrEmpty(id)
            ? context.User
            : await session.GetUserAsync(id, cancellationToken);
        if (user is null)
        {
            throw new NotFoundException("User not found");
        }

        var dict = await DictizeAsync(context, session, user, cancellationToken);
        if (context.IsSysadmin && DataDict.GetBool(data, "include_password_hash", false))
        {
            dict["password_hash"] = user.Password;
        }

        return dict;
    }

    /// <summary>
    /// user_list: active users, as dictionaries or (with <c>all_fields</c> false) names. Parameters:
    /// <c>q</c> (text in name, full name or email), <c>order_by</c> [display_name], <c>all_fields</c> [true],
    /// <c>limit</c>, <c>offset</c>.
    /// </summary>
    public static async Task<ActionResult> UserListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        CheckPublicDetails(context);
        var text = DataDict.GetString(data, "q");
        var orderBy = DataDict.GetString(data, "order_by") is { Length: > 0 } order ? order : "display_name";

        // Emails are private: only sysadmins may find or sort users by them.
        if (!UserOrderFields.Contains(orderBy) && !(orderBy == "email" && context.IsSysadmin))
        {
            throw ValidationException.ForField("order_by", $"Cannot sort by field `{orderBy}`");
        }

        var limit = DataDict.GetNaturalNumber(data, "limit", null);
        var offset = DataDict.GetNaturalNumber(data, "offset", 0) ?? 0;
        var allFields = DataDict.GetBool(data, "all_fields", true);
        var siteUserName = context.Config.SiteId;

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var users = (await session.ListUsersAsync(
                string.IsNullOrEmpty(text) ? null : text, context.IsSysadmin, orderBy, limit, offset, cancellationToken))
            .Where(user => !string.Equals(user.Name, siteUserName, StringComparison.Ordinal))
            .ToList();
        if (!allFields)
        {
            return new JsonArray(users.Select(user => (JsonNode?)user.Name).ToArray());
        }

        var list = new JsonArray();
        foreach (var user in users)
        {
            list.Add(await DictizeAsync(context, session, user, cancellationToken));
        }

        return list;
    }

    /// <summary>
    /// api_token_list: a user's tokens without their secrets. Parameter: <c>user_id</c> (or the older
    /// <c>user</c>), id or name. Only the user and sysadmins may list them.
    /// </summary>
    public static async Task<ActionResult> ApiTokenListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var reference = DataDict.GetString(data, "user_id");
        if (string.IsNullOrEmpty(reference))
        {
            reference = DataDict.GetString(data, "user");
        }

        if (string.IsNullOrEmpty(reference))
        {
            throw ValidationException.Missing("user_id");
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var user = await session.GetUserAsync(reference, cancellationToken) ?? throw new NotFoundException("User not found");
        Authorizer.RequireSelfOrSysadmin(context, user, message: null);

        var tokens = await session.ListApiTokensAsync(user.Id, cancellationToken);
        return new JsonArray(tokens.Select(token => (JsonNode?)new JsonObject
        {
            ["id"] = token.Id,
            ["name"] = token.Name,
            ["user_id"] = token.UserId,
            ["created_at"] = CkanTime.ToIso(token.CreatedAt),
            ["last_access"] = CkanTime.ToIso(token.LastAccess),
        }).ToArray());
    }

    /// <summary>Builds a user's dictionary, showing private fields to the user and sysadmins.</summary>
    public static async Task<JsonObject> DictizeAsync(
        ActionContext context,
        Catalog.ICatalogSession session,
        UserRow user,
        CancellationToken cancellationToken)
    {
        var isSelf = context.User is not null && string.Equals(context.User.Id, user.Id, StringComparison.Ordinal);
        var count = await session.CountPackagesCreatedByAsync(user.Id, cancellationToken);
        return UserDictizer.Dictize(user, count, context.IsSysadmin || isSelf);
    }

    private static void CheckPublicDetails(ActionContext context)
    {
        if (context.User is null && !context.IgnoreAuth && !context.Config.AuthOption("public_user_details"))
        {
            // CKAN's rule denies anonymous callers here without giving a reason.
            throw new NotAuthorizedException();
        }
    }
}
