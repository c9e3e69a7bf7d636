using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Schemas;
using Ckan.Core.Views;

namespace Ckan.Core.Actions.Update;

/// <summary>Update actions on resource views: resource_view_update and resource_view_reorder.</summary>
public static class ResourceViewUpdate
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("resource_view_update", ResourceViewUpdateAsync)
        .Add("resource_view_reorder", ResourceViewReorderAsync);

    /// <summary>
    /// resource_view_update: changes a view (parameter <c>id</c>). Given <c>title</c>, <c>description</c> and
    /// <c>resource_id</c> replace the stored ones; the settings given replace all stored settings; the
    /// view type cannot change. Returns the view.
    /// </summary>
    public static async Task<ActionResult> ResourceViewUpdateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var existing = await session.GetResourceViewAsync(id, cancellationToken) ?? throw new NotFoundException();
        var plugin = ResourceViewTypes.Find(context.Services.Plugins, existing.ViewType)
            ?? throw new ValidationException(
                new JsonObject { ["view_type"] = $"No plugin found for view_type {existing.ViewType}" });
        var row = await ResourceViewSchema.ValidateUpdateAsync(session, data, existing, plugin.Info, cancellationToken);
        var resource = await session.GetResourceAsync(existing.ResourceId, cancellationToken)
            ?? throw new NotFoundException("Resource was not found.");
        if (!context.IgnoreAuth)
        {
            await ResourceViewAuthorizer.CheckUpdateAsync(context, session, resource, cancellationToken);
        }

        await session.UpdateResourceViewAsync(row, cancellationToken);
        await session.CommitAsync(cancellationToken);
        var packageId = (await session.GetResourceAsync(row.ResourceId, cancellationToken))?.PackageId
            ?? resource.PackageId;
        return ResourceViewDictizer.Dictize(row, packageId);
    }

    /// <summary>
    /// resource_view_reorder: puts a resource's views in a new order. Parameters: <c>id</c> of the resource
    /// and <c>order</c>, a list of view ids; views left out follow in their old order. Returns
    /// <c>{"id", "order"}</c> with every view id.
    /// </summary>
    public static async Task<ActionResult> ResourceViewReorderAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        if (data["order"] is null)
        {
            throw ValidationException.Missing("order");
        }

        if (data["order"] is not JsonArray orderNode)
        {
            throw new ValidationException(new JsonObject { ["order"] = "Must supply order as a list" });
        }

        var order = orderNode.Select(DataDict.AsString).OfType<string>().ToList();
        if (order.Distinct(StringComparer.Ordinal).Count() != order.Count)
        {
            throw new ValidationException(new JsonObject { ["order"] = "No duplicates allowed in order" });
        }

        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var resource = await session.GetResourceAsync(id, cancellationToken)
            ?? throw new NotFoundException("Resource was not found.");
        if (!context.IgnoreAuth)
        {
            await ResourceViewAuthorizer.CheckUpdateAsync(context, session, resource, cancellationToken);
        }

        var views = await session.ListResourceViewsAsync(id, cancellationToken);
        var remaining = views.Select(view => view.Id).ToList();
        foreach (var viewId in order)
        {
            if (!remaining.Remove(viewId))
            {
                throw new ValidationException(new JsonObject { ["order"] = $"View {viewId} does not exist" });
            }
        }

        var newOrder = order.Concat(remaining).ToList();
        foreach (var view in views)
        {
            await session.UpdateResourceViewAsync(view with { Order = newOrder.IndexOf(view.Id) + 1 }, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return new JsonObject
        {
            ["id"] = id,
            ["order"] = new JsonArray([.. newOrder.Select(viewId => (JsonNode)viewId)]),
        };
    }
}
