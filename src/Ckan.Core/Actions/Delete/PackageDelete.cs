using System.Text.Json.Nodes;
using Ckan.Core.Actions.Update;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Search;

namespace Ckan.Core.Actions.Delete;

/// <summary>Delete actions on datasets and resources: package_delete, dataset_purge and resource_delete.</summary>
public static class PackageDelete
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("package_delete", PackageDeleteAsync)
        .Add("dataset_purge", DatasetPurgeAsync)
        .Add("resource_delete", ResourceDeleteAsync);

    /// <summary>
    /// package_delete: marks a dataset deleted (parameter <c>id</c>, id or name) and removes it from its
    /// groups. It stays in the database until purged.
    /// </summary>
    public static async Task<ActionResult> PackageDeleteAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var package = await session.GetPackageAsync(id, cancellationToken) ?? throw new NotFoundException();
        await Authorizer.CheckPackageDeleteAsync(context, session, package, cancellationToken);

        await session.UpdatePackageAsync(
            package with { State = "deleted", MetadataModified = CkanTime.ToStorage(CkanTime.UtcNow()) },
            cancellationToken);
        await session.DeleteMembershipsOfAsync("package", package.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        await SearchIndexer.IndexPackagesAsync(context.Services, [package.Id], cancellationToken);
        return (JsonNode?)null;
    }

    /// <summary>dataset_purge: deletes a dataset and everything attached for good (sysadmins only).</summary>
    public static async Task<ActionResult> DatasetPurgeAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        Authorizer.RequireSysadmin(context, "dataset_purge");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var package = await session.GetPackageAsync(id, cancellationToken) ?? throw new NotFoundException();

        await session.PurgePackageAsync(package.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        await SearchIndexer.IndexPackagesAsync(context.Services, [package.Id], cancellationToken);
        return (JsonNode?)null;
    }

    /// <summary>resource_delete: removes a resource from its dataset (parameter <c>id</c>).</summary>
    public static async Task<ActionResult> ResourceDeleteAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        var (package, index) = await PackageUpdate.FindResourceAsync(context, id, cancellationToken);
        package["resources"]!.AsArray().RemoveAt(index);
        await PackageUpdate.UpdateFromDictAsync(context, package, null, cancellationToken);
        return (JsonNode?)null;
    }
}
