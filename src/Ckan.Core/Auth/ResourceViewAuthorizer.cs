using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Errors;
using Ckan.Core.Model;

namespace Ckan.Core.Auth;

/// <summary>
/// CKAN's checks for the resource view actions: changing a view needs edit rights on its dataset, and
/// reading one follows the dataset's read rights.
/// </summary>
public static class ResourceViewAuthorizer
{
    /// <summary>Checks resource_view_create, which CKAN grants to users who may add resources to the dataset.</summary>
    public static async Task CheckCreateAsync(
        ActionContext context,
        ICatalogSession session,
        ResourceRow resource,
        CancellationToken cancellationToken)
    {
        if (!await CanEditAsync(context, session, resource, cancellationToken))
        {
            throw new NotAuthorizedException(
                $"User {context.UserName} not authorized to create resources on dataset {resource.PackageId}");
        }
    }

    /// <summary>Checks resource_view_update and resource_view_reorder: edit rights on the resource.</summary>
    public static async Task CheckUpdateAsync(
        ActionContext context,
        ICatalogSession session,
        ResourceRow resource,
        CancellationToken cancellationToken)
    {
        if (!await CanEditAsync(context, session, resource, cancellationToken))
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to edit resource {resource.Id}");
        }
    }

    /// <summary>Checks resource_view_delete: delete rights on the resource, which follow dataset edit rights.</summary>
    public static async Task CheckDeleteAsync(
        ActionContext context,
        ICatalogSession session,
        ResourceRow resource,
        CancellationToken cancellationToken)
    {
        if (!await CanEditAsync(context, session, resource, cancellationToken))
        {
            throw new NotAuthorizedException(
                $"User {context.UserName} not authorized to delete resource {resource.Id}");
        }
    }

    /// <summary>Checks resource_view_show and resource_view_list: read rights on the resource's dataset.</summary>
    public static async Task CheckReadAsync(
        ActionContext context,
        ICatalogSession session,
        ResourceRow resource,
        CancellationToken cancellationToken)
    {
        var package = await session.GetPackageAsync(resource.PackageId, cancellationToken)
            ?? throw new NotFoundException("Resource was not found.");
        try
        {
            await Authorizer.CheckPackageReadAsync(
                context,
                session,
                package.Id,
                package.OwnerOrg,
                package.Private,
                package.State,
                package.CreatorUserId,
                cancellationToken);
        }
        catch (NotAuthorizedException)
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to read resource {resource.Id}");
        }
    }

    private static async Task<bool> CanEditAsync(
        ActionContext context,
        ICatalogSession session,
        ResourceRow resource,
        CancellationToken cancellationToken)
    {
        if (context.IsSysadmin)
        {
            return true;
        }

        var package = await session.GetPackageAsync(resource.PackageId, cancellationToken);
        return package is not null
            && await Authorizer.CanUpdatePackageAsync(
                context, session, package.OwnerOrg, package.CreatorUserId, cancellationToken);
    }
}
