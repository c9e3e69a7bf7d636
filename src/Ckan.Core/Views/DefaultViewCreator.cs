using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Dictization;
using Ckan.Core.Model;

namespace Ckan.Core.Views;

/// <summary>
/// Adds the default view types to resources, as CKAN's <c>datapreview.add_views_to_resource</c> does: each
/// enabled default type that can show the resource and that the resource does not have yet.
/// </summary>
public static class DefaultViewCreator
{
    /// <summary>
    /// Creates the missing default views of one resource and returns them. With
    /// <paramref name="datastoreViews"/> only the types that need the DataStore are considered, without it
    /// only the others. The caller has checked authorization.
    /// </summary>
    public static async Task<IReadOnlyList<JsonObject>> CreateAsync(
        ActionContext context,
        JsonObject resource,
        JsonObject package,
        bool datastoreViews,
        CancellationToken cancellationToken)
    {
        var plugins = ResourceViewTypes.Defaults(context.Services.Plugins, context.Config)
            .Where(plugin => plugin.Info.RequiresDatastore == datastoreViews)
            .ToList();
        var resourceId = resource["id"]?.GetValue<string>();
        if (plugins.Count == 0 || resourceId is null)
        {
            return [];
        }

        var packageId = package["id"]?.GetValue<string>() ?? "";
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var existing = await session.ListResourceViewsAsync(resourceId, cancellationToken);
        var order = existing.Count == 0 ? 0 : existing.Max(view => view.Order) + 1;
        var created = new List<JsonObject>();
        foreach (var plugin in plugins)
        {
            var info = plugin.Info;
            if (existing.Any(view => string.Equals(view.ViewType, info.Name, StringComparison.Ordinal))
                || !plugin.CanView(resource, package))
            {
                continue;
            }

            var row = new ResourceViewRow
            {
                Id = Guid.NewGuid().ToString(),
                ResourceId = resourceId,
                Title = info.DefaultTitle,
                Description = info.DefaultDescription,
                ViewType = info.Name,
                Order = order++,
            };
            await session.InsertResourceViewAsync(row, cancellationToken);
            created.Add(ResourceViewDictizer.Dictize(row, packageId));
        }

        await session.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// Creates the missing default views on every resource of a dataset just written by package_create,
    /// package_update or a resource action, as CKAN does after those actions.
    /// </summary>
    public static async Task CreateForDatasetAsync(
        ActionContext context,
        PackageShowCacheEntry dataset,
        CancellationToken cancellationToken)
    {
        if (ResourceViewTypes.Defaults(context.Services.Plugins, context.Config).Count == 0)
        {
            return;
        }

        var package = JsonNode.Parse(dataset.Json)!.AsObject();

        foreach (var resource in (package["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            await CreateAsync(context, resource, package, datastoreViews: false, cancellationToken);
        }
    }
}
