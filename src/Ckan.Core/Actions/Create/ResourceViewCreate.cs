using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Schemas;
using Ckan.Core.Views;

namespace Ckan.Core.Actions.Create;

/// <summary>
/// Create actions on resource views: resource_view_create, resource_create_default_resource_views and
/// package_create_default_resource_views.
/// </summary>
public static class ResourceViewCreate
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("resource_view_create", ResourceViewCreateAsync)
        .Add("resource_create_default_resource_views", ResourceCreateDefaultResourceViewsAsync)
        .Add("package_create_default_resource_views", PackageCreateDefaultResourceViewsAsync);

    /// <summary>
    /// resource_view_create: adds a view to a resource, after its existing views. Parameters:
    /// <c>resource_id</c> and <c>view_type</c> (required), <c>title</c> (required), <c>description</c>, and
    /// the settings the view type declares (such as <c>image_url</c>). Returns the new view.
    /// </summary>
    public static async Task<ActionResult> ResourceViewCreateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        DataDict.Require(data, "resource_id");
        var viewType = DataDict.Require(data, "view_type");
        var plugin = ResourceViewTypes.Find(context.Services.Plugins, viewType)
            ?? throw new ValidationException(
                new JsonObject { ["view_type"] = $"No plugin found for view_type {viewType}" });

        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var row = await ResourceViewSchema.ValidateCreateAsync(context, session, data, plugin.Info, cancellationToken);
        var resource = (await session.GetResourceAsync(row.ResourceId, cancellationToken))!;
        if (!context.IgnoreAuth)
        {
            await ResourceViewAuthorizer.CheckCreateAsync(context, session, resource, cancellationToken);
        }

        var existing = await session.ListResourceViewsAsync(row.ResourceId, cancellationToken);
        row = row with { Order = existing.Count == 0 ? 0 : existing.Max(view => view.Order) + 1 };
        await session.InsertResourceViewAsync(row, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return ResourceViewDictizer.Dictize(row, resource.PackageId);
    }

    /// <summary>
    /// resource_create_default_resource_views: creates the default views (<c>ckan.views.default_views</c>)
    /// that can show a resource and that it lacks. Parameters: <c>resource</c> (the full resource
    /// dictionary, required), <c>package</c> (its dataset; read when absent) and
    /// <c>create_datastore_views</c> (false: views that need no DataStore; true: only those that do).
    /// Returns the created views.
    /// </summary>
    public static async Task<ActionResult> ResourceCreateDefaultResourceViewsAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        if (data["resource"] is not JsonObject resource)
        {
            throw ValidationException.Missing("resource");
        }

        var resourceId = DataDict.Require(resource, "id");
        await CheckPackageEditAsync(context, resourceId, cancellationToken);
        var package = data["package"] as JsonObject
            ?? await PackageReader.ShowDictAsync(context, ResourcePackageId(resource), cancellationToken);
        var created = await DefaultViewCreator.CreateAsync(
            context, resource, package, DataDict.GetBool(data, "create_datastore_views", false), cancellationToken);
        return new JsonArray([.. created]);
    }

    /// <summary>
    /// package_create_default_resource_views: creates the default views on every resource of a dataset.
    /// Parameters: <c>package</c> (the full dataset dictionary, required) and <c>create_datastore_views</c>.
    /// Returns the created views.
    /// </summary>
    public static async Task<ActionResult> PackageCreateDefaultResourceViewsAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        if (data["package"] is not JsonObject package)
        {
            throw ValidationException.Missing("package");
        }

        var packageId = DataDict.GetString(package, "id") ?? DataDict.Require(package, "name");
        await using (var session = await context.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            var row = await session.GetPackageAsync(packageId, cancellationToken)
                ?? throw new NotFoundException("Package was not found.");
            await Authorizer.CheckPackageUpdateAsync(context, session, row, cancellationToken);
        }

        var datastoreViews = DataDict.GetBool(data, "create_datastore_views", false);
        var created = new JsonArray();
        foreach (var resource in (package["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var view in await DefaultViewCreator.CreateAsync(
                context, resource, package, datastoreViews, cancellationToken))
            {
                created.Add(view);
            }
        }

        return created;
    }

    private static async Task CheckPackageEditAsync(
        ActionContext context,
        string resourceId,
        CancellationToken cancellationToken)
    {
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var resource = await session.GetResourceAsync(resourceId, cancellationToken)
            ?? throw new NotFoundException("Resource was not found.");
        if (!context.IgnoreAuth)
        {
            await ResourceViewAuthorizer.CheckCreateAsync(context, session, resource, cancellationToken);
        }
    }

    private static string ResourcePackageId(JsonObject resource) => DataDict.Require(resource, "package_id");
}
