using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Model;

namespace Ckan.Plugins.Showcase;

/// <summary>ckanext-showcase's actions on the showcase admin list: add, remove and list. Sysadmins only.</summary>
public static class ShowcaseAdminActions
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("ckanext_showcase_admin_add", AddAsync)
        .Add("ckanext_showcase_admin_remove", RemoveAsync)
        .AddRead("ckanext_showcase_admin_list", ListAsync);

    /// <summary>
    /// ckanext_showcase_admin_add: makes a user a showcase admin. Parameter: <c>username</c> (name or id).
    /// Returns the user's id.
    /// </summary>
    public static async Task<ActionResult> AddAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        ShowcaseAuth.CheckSysadmin(context, "ckanext_showcase_admin_add");
        var username = DataDict.Require(data, "username");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var user = await FindUserAsync(session, username, cancellationToken);
        if (!await session.AddShowcaseAdminAsync(user.Id, cancellationToken))
        {
            throw new ValidationException(new JsonObject
            {
                ["message"] = $"ShowcaseAdmin with user_id '{user.Id}' already exists.",
                ["error_summary"] = $"User '{username}' is already a Showcase Admin.",
            });
        }

        await session.CommitAsync(cancellationToken);
        return new JsonObject { ["user_id"] = user.Id };
    }

    /// <summary>ckanext_showcase_admin_remove: takes a user off the showcase admin list. Parameter: <c>username</c>.</summary>
    public static async Task<ActionResult> RemoveAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        ShowcaseAuth.CheckSysadmin(context, "ckanext_showcase_admin_remove");
        var username = DataDict.Require(data, "username");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var user = await FindUserAsync(session, username, cancellationToken);
        if (!await session.RemoveShowcaseAdminAsync(user.Id, cancellationToken))
        {
            throw new NotFoundException($"ShowcaseAdmin with user_id '{user.Id}' doesn't exist.");
        }

        await session.CommitAsync(cancellationToken);
        return (JsonNode?)null;
    }

    /// <summary>ckanext_showcase_admin_list: the active showcase admins as <c>{"name", "id"}</c> objects.</summary>
    public static async Task<ActionResult> ListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        ShowcaseAuth.CheckSysadmin(context, "ckanext_showcase_admin_list");
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var result = new JsonArray();
        foreach (var id in await session.ListShowcaseAdminIdsAsync(cancellationToken))
        {
            if (await session.GetUserAsync(id, cancellationToken) is { State: "active" } user)
            {
                result.Add(new JsonObject { ["name"] = user.Name, ["id"] = user.Id });
            }
        }

        return result;
    }

    private static async Task<UserRow> FindUserAsync(
        Ckan.Core.Catalog.ICatalogSession session,
        string username,
        CancellationToken cancellationToken)
    {
        var user = await session.GetUserAsync(username, cancellationToken);
        return user is null || user.State == "deleted"
            ? throw new NotFoundException("User not found")
            : user;
    }
}
