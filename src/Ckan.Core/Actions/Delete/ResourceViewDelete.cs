using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Core.Actions.Delete;

/// <summary>Delete actions on resource views: resource_view_delete and resource_view_clear.</summary>
public static class ResourceViewDelete
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("resource_view_delete", ResourceViewDeleteAsync)
        .Add("resource_view_clear", ResourceViewClearAsync);

    /// <summary>
    /// resource_view_delete: deletes a view for good. Parameter: <c>id</c>. Returns
    /// <c>{"resource_id"}</c> of the view's resource.
    /// </summary>
    public static async Task<ActionResult> ResourceViewDeleteAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var view = await session.GetResourceViewAsync(id, cancellationToken) ?? throw new NotFoundException();
        var resource = await session.GetResourceAsync(view.ResourceId, cancellationToken)
            ?? throw new NotFoundException("Resource was not found.");
        if (!context.IgnoreAuth)
        {
            await ResourceViewAuthorizer.CheckDeleteAsync(context, session, resource, cancellationToken);
        }

        await session.DeleteResourceViewAsync(id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return new JsonObject { ["resource_id"] = view.ResourceId };
    }

    /// <summary>
    /// resource_view_clear: deletes every view of the site, or every view of the types in
    /// <c>view_types</c>. Sysadmins only. Returns null.
    /// </summary>
    public static async Task<ActionResult> ResourceViewClearAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        if (!context.IsSysadmin)
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to clear resource views");
        }

        var viewTypes = DataDict.GetStringList(data, "view_types");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        await session.DeleteResourceViewsAsync(viewTypes, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return (JsonNode?)null;
    }
}
