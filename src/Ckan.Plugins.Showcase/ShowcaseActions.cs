using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Plugins.Showcase;

/// <summary>
/// ckanext-showcase's actions on showcases themselves: create, update, delete, show and list. A showcase is a
/// dataset of type <c>showcase</c>, so these run the dataset actions once the showcase rules allow the call.
/// </summary>
public static class ShowcaseActions
{
    /// <summary>The dataset type of showcases.</summary>
    public const string DatasetType = "showcase";

    /// <summary>Adds every showcase action to the registry.</summary>
    public static void Register(ActionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry
            .Add("ckanext_showcase_create", CreateAsync)
            .Add("ckanext_showcase_update", UpdateAsync)
            .Add("ckanext_showcase_delete", DeleteAsync)
            .AddRead("ckanext_showcase_show", ShowAsync)
            .AddRead("ckanext_showcase_list", ListAsync);
        ShowcaseAssociationActions.Register(registry);
        ShowcaseAdminActions.Register(registry);
    }

    /// <summary>
    /// ckanext_showcase_create: creates a showcase from a dataset dictionary (<c>name</c> required; <c>title</c>,
    /// <c>notes</c>, <c>url</c>, <c>image_url</c>, <c>author</c>, <c>author_email</c>, <c>tags</c>...); the type is
    /// always <c>showcase</c>. Sysadmins and showcase admins only. Returns the showcase as package_show does.
    /// </summary>
    public static async Task<ActionResult> CreateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        await ShowcaseAuth.CheckShowcaseAdminAsync(context, "ckanext_showcase_create", cancellationToken);
        var showcase = data.DeepClone().AsObject();
        showcase["type"] = DatasetType;
        return await RunAsync(context.WithoutAuth(), "package_create", showcase, cancellationToken);
    }

    /// <summary>
    /// ckanext_showcase_update: replaces a showcase (parameter <c>id</c>, id or name) as package_update does.
    /// Sysadmins and showcase admins only.
    /// </summary>
    public static async Task<ActionResult> UpdateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        await ShowcaseAuth.CheckShowcaseAdminAsync(context, "ckanext_showcase_update", cancellationToken);
        var id = DataDict.GetString(data, "id") ?? DataDict.Require(data, "name");
        await RequireShowcaseAsync(context, id, "id", cancellationToken);
        var showcase = data.DeepClone().AsObject();
        showcase["type"] = DatasetType;
        return await RunAsync(context.WithoutAuth(), "package_update", showcase, cancellationToken);
    }

    /// <summary>
    /// ckanext_showcase_delete: deletes a showcase (parameter <c>id</c>) and its links to datasets.
    /// Sysadmins and showcase admins only.
    /// </summary>
    public static async Task<ActionResult> DeleteAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        await ShowcaseAuth.CheckShowcaseAdminAsync(context, "ckanext_showcase_delete", cancellationToken);
        var id = DataDict.Require(data, "id");
        var showcaseId = await RequireShowcaseAsync(context, id, "id", cancellationToken);
        await using (var session = await context.Store.OpenSessionAsync(write: true, cancellationToken))
        {
            await session.RemoveShowcaseLinksAsync(showcaseId, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        return await RunAsync(
            context.WithoutAuth(), "package_delete", new JsonObject { ["id"] = showcaseId }, cancellationToken);
    }

    /// <summary>ckanext_showcase_show: a showcase's dictionary, as package_show returns it. Parameter: <c>id</c>.</summary>
    public static Task<ActionResult> ShowAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken) =>
        RunAsync(context, "package_show", data, cancellationToken);

    /// <summary>ckanext_showcase_list: every active showcase of the site, as dataset dictionaries.</summary>
    public static async Task<ActionResult> ListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var search = new JsonObject
        {
            ["q"] = "",
            ["fq"] = "dataset_type:" + DatasetType,
            ["rows"] = 1000,
            ["sort"] = "title_string asc",
        };
        var result = await RunAsync(context, "package_search", search, cancellationToken);
        return result.ToNode()?["results"]?.DeepClone() ?? new JsonArray();
    }

    /// <summary>
    /// Returns the id of the active showcase with the id or name; raises a validation error on
    /// <paramref name="field"/> when there is none, as ckanext-showcase's converters do.
    /// </summary>
    public static async Task<string> RequireShowcaseAsync(
        ActionContext context,
        string idOrName,
        string field,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var package = await session.GetPackageAsync(idOrName, cancellationToken);
        if (package is null || package.State == "deleted"
            || !string.Equals(package.Type, DatasetType, StringComparison.Ordinal))
        {
            throw ValidationException.ForField(field, "Not found: Showcase");
        }

        return package.Id;
    }

    /// <summary>Runs another action, registered by the portal or a plugin, with the same caller.</summary>
    public static async Task<ActionResult> RunAsync(
        ActionContext context,
        string action,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = context.Services.Actions.Find(action)
            ?? throw new InvalidOperationException($"The showcase plugin needs the action {action}, which is not registered.");
        return await definition.Handler(context, data, cancellationToken);
    }
}
