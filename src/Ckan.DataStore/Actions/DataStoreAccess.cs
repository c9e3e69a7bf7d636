using Ckan.Core.Actions;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Model;

namespace Ckan.DataStore.Actions;

/// <summary>
/// CKAN's datastore authorization: writing a resource's table needs the right to update its dataset,
/// reading it the right to see the dataset (so private datasets stay private in every action).
/// </summary>
public static class DataStoreAccess
{
    /// <summary>Returns the active resource, or raises CKAN's not-found error.</summary>
    public static async Task<ResourceRow> GetResourceAsync(
        ActionContext context,
        string resourceId,
        CancellationToken cancellationToken)
    {
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var resource = await session.GetResourceAsync(resourceId, cancellationToken);
        if (resource is null || resource.State != "active")
        {
            throw new NotFoundException($"Resource \"{resourceId}\" was not found.");
        }

        return resource;
    }

    /// <summary>Checks that the caller may read the resource's dataset.</summary>
    /// <exception cref="NotAuthorizedException">The dataset is private (or not active) to the caller.</exception>
    public static async Task CheckReadAsync(ActionContext context, string resourceId, CancellationToken cancellationToken)
    {
        if (context.IsSysadmin)
        {
            return;
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var package = await FindPackageAsync(session, resourceId, cancellationToken);
        try
        {
            await Authorizer.CheckPackageReadAsync(
                context, session, package.Id, package.OwnerOrg, package.Private, package.State, package.CreatorUserId,
                cancellationToken);
        }
        catch (NotAuthorizedException)
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to read resource {resourceId}");
        }
    }

    /// <summary>Checks that the caller may update the resource's dataset.</summary>
    /// <exception cref="NotAuthorizedException">The caller may not edit the dataset.</exception>
    public static async Task CheckUpdateAsync(ActionContext context, string resourceId, CancellationToken cancellationToken)
    {
        if (context.IsSysadmin)
        {
            return;
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var package = await FindPackageAsync(session, resourceId, cancellationToken);
        if (!await Authorizer.CanUpdatePackageAsync(context, session, package.OwnerOrg, package.CreatorUserId, cancellationToken))
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to update resource {resourceId}");
        }
    }

    private static async Task<PackageRow> FindPackageAsync(
        Core.Catalog.ICatalogSession session,
        string resourceId,
        CancellationToken cancellationToken)
    {
        var resource = await session.GetResourceAsync(resourceId, cancellationToken);
        if (resource is null || resource.State != "active")
        {
            throw new NotFoundException($"Resource \"{resourceId}\" was not found.");
        }

        return await session.GetPackageAsync(resource.PackageId, cancellationToken)
            ?? throw new NotFoundException($"Resource \"{resourceId}\" was not found.");
    }
}
