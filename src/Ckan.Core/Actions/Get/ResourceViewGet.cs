using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Views;

namespace Ckan.Core.Actions.Get;

/// <summary>Read actions on resource views: resource_view_show and resource_view_list.</summary>
public static class ResourceViewGet
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .AddRead("resource_view_show", ResourceViewShowAsync)
        .AddRead("resource_view_list", ResourceViewListAsync);

    /// <summary>resource_view_show: one view's dictionary. Parameter: <c>id</c> of the view.</summary>
    public static async Task<ActionResult> ResourceViewShowAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var view = await session.GetResourceViewAsync(id, cancellationToken)
            ?? throw new NotFoundException("Resource view not found, cannot check auth.");
        var resource = await session.GetResourceAsync(view.ResourceId, cancellationToken)
            ?? throw new NotFoundException();
        await ResourceViewAuthorizer.CheckReadAsync(context, session, resource, cancellationToken);
        return ResourceViewDictizer.Dictize(view, resource.PackageId);
    }

    /// <summary>
    /// resource_view_list: the views of a resource in their order, leaving out views whose type has no
    /// enabled plugin. Parameter: <c>id</c> of the resource.
    /// </summary>
    public static async Task<ActionResult> ResourceViewListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var resource = await session.GetResourceAsync(id, cancellationToken) ?? throw new NotFoundException();
        await ResourceViewAuthorizer.CheckReadAsync(context, session, resource, cancellationToken);
        var views = await session.ListResourceViewsAsync(id, cancellationToken);
        var plugins = context.Services.Plugins;
        return new JsonArray([
            .. views
                .Where(view => ResourceViewTypes.Find(plugins, view.ViewType) is not null)
                .Select(view => (JsonNode)ResourceViewDictizer.Dictize(view, resource.PackageId)),
        ]);
    }
}
