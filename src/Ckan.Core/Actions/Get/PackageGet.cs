using System.Text.Json.Nodes;
using Ckan.Core.Actions.Update;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Plugins;
using Ckan.Core.Search;

namespace Ckan.Core.Actions.Get;

/// <summary>
/// Read actions on datasets and resources: package_list, package_show, package_search,
/// current_package_list_with_resources and resource_show.
/// </summary>
public static class PackageGet
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .AddRead("package_list", PackageListAsync)
        .AddRead("package_show", PackageShowAsync)
        .AddRead("package_search", PackageSearchAsync)
        .AddRead("current_package_list_with_resources", CurrentPackageListWithResourcesAsync)
        .AddRead("resource_show", ResourceShowAsync);

    /// <summary>
    /// package_list: names of active public datasets in name order. Parameters: <c>limit</c> and
    /// <c>offset</c> (natural numbers).
    /// </summary>
    public static async Task<ActionResult> PackageListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var limit = DataDict.GetNaturalNumber(data, "limit", null);
        var offset = DataDict.GetNaturalNumber(data, "offset", 0) ?? 0;
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var names = await session.ListPackageNamesAsync(limit, offset, cancellationToken);
        return new JsonArray(names.Select(name => (JsonNode?)name).ToArray());
    }

    /// <summary>
    /// package_show: one dataset's dictionary. Parameters: <c>id</c> (id or name; <c>name_or_id</c> is
    /// accepted too). Private datasets need read rights in their organization.
    /// </summary>
    public static async Task<ActionResult> PackageShowAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.GetString(data, "id");
        if (string.IsNullOrEmpty(id))
        {
            id = DataDict.GetString(data, "name_or_id");
        }

        if (string.IsNullOrEmpty(id))
        {
            throw ValidationException.Missing("name_or_id");
        }

        var entry = await PackageReader.ShowAsync(context, id, cancellationToken);
        return ActionResult.FromUtf8(entry.Json);
    }

    /// <summary>
    /// package_search: datasets matching <c>q</c> (Solr syntax) and the filters <c>fq</c> and
    /// <c>fq_list</c>, with <c>facet.field</c>, <c>facet.limit</c>, <c>facet.mincount</c>, <c>sort</c>,
    /// <c>rows</c>, <c>start</c>, <c>fl</c>, <c>include_private</c> and <c>include_drafts</c>.
    /// </summary>
    public static Task<ActionResult> PackageSearchAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        foreach (var plugin in context.Services.Plugins.Of<ISearchPlugin>())
        {
            plugin.BeforeSearch(data);
        }

        return PackageSearch.ActionAsync(context, data, cancellationToken);
    }

    /// <summary>
    /// current_package_list_with_resources: full dictionaries of active datasets, newest change first.
    /// Parameters: <c>limit</c>, <c>offset</c> and the deprecated <c>page</c> (offset = (page - 1) * limit).
    /// </summary>
    public static async Task<ActionResult> CurrentPackageListWithResourcesAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var limit = DataDict.GetNaturalNumber(data, "limit", null);
        var offset = DataDict.GetNaturalNumber(data, "offset", null);
        if (offset is null)
        {
            var page = DataDict.GetInt(data, "page", null);
            if (page is not null)
            {
                if (page < 1)
                {
                    throw ValidationException.ForField("page", "Must be larger than 0");
                }

                offset = (page.Value - 1) * (limit ?? 10);
            }
        }

        var search = new JsonObject
        {
            ["q"] = "",
            ["rows"] = limit ?? 10,
            ["start"] = offset ?? 0,
            ["include_private"] = context.IsSysadmin,
        };
        var outcome = await PackageSearch.RunAsync(context, search, cancellationToken);
        return outcome.ResultsAsJson();
    }

    /// <summary>resource_show: one resource's dictionary, taken from its dataset. Parameter: <c>id</c>.</summary>
    public static async Task<ActionResult> ResourceShowAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        var (package, index) = await PackageUpdate.FindResourceAsync(context, id, cancellationToken);
        return package["resources"]![index]!.DeepClone();
    }
}
