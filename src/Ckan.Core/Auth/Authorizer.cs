using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Errors;
using Ckan.Core.Model;

namespace Ckan.Core.Auth;

/// <summary>
/// CKAN's authorization rules for the core actions. Each check either returns or raises
/// <see cref="NotAuthorizedException"/> with CKAN's message.
/// </summary>
public static class Authorizer
{
    /// <summary>Returns whether the caller holds the permission in the group or organization.</summary>
    public static async Task<bool> HasGroupPermissionAsync(
        ActionContext context,
        ICatalogSession session,
        string? groupId,
        string permission,
        CancellationToken cancellationToken)
    {
        if (context.IsSysadmin)
        {
            return true;
        }

        if (groupId is null || context.User is null)
        {
            return false;
        }

        var memberships = await context.GetMembershipsAsync(session, cancellationToken);
        return memberships.Any(membership =>
            string.Equals(membership.GroupId, groupId, StringComparison.Ordinal)
            && Permissions.Grants(membership.Capacity, permission));
    }

    /// <summary>Returns the ids of organizations where the caller holds the permission.</summary>
    public static async Task<IReadOnlyList<string>> OrganizationsWithPermissionAsync(
        ActionContext context,
        ICatalogSession session,
        string permission,
        CancellationToken cancellationToken)
    {
        var memberships = await context.GetMembershipsAsync(session, cancellationToken);
        return memberships
            .Where(membership => membership.IsOrganization && Permissions.Grants(membership.Capacity, permission))
            .Select(membership => membership.GroupId)
            .ToList();
    }

    /// <summary>Checks package_show: private datasets need read rights, drafts and deleted ones edit rights.</summary>
    public static async Task CheckPackageReadAsync(
        ActionContext context,
        ICatalogSession session,
        string packageId,
        string? ownerOrg,
        bool isPrivate,
        string state,
        string? creatorUserId,
        CancellationToken cancellationToken)
    {
        if (context.IsSysadmin)
        {
            return;
        }

        if (isPrivate && !await HasGroupPermissionAsync(context, session, ownerOrg, Permissions.Read, cancellationToken))
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to read package {packageId}");
        }

        if (!string.Equals(state, "active", StringComparison.Ordinal)
            && !await CanUpdatePackageAsync(context, session, ownerOrg, creatorUserId, cancellationToken))
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to read package {packageId}");
        }
    }

    /// <summary>Returns whether the caller may edit a dataset owned by the organization (or unowned).</summary>
    public static async Task<bool> CanUpdatePackageAsync(
        ActionContext context,
        ICatalogSession session,
        string? ownerOrg,
        string? creatorUserId,
        CancellationToken cancellationToken)
    {
        if (context.IsSysadmin)
        {
            return true;
        }

        if (ownerOrg is not null)
        {
            return await HasGroupPermissionAsync(context, session, ownerOrg, Permissions.UpdateDataset, cancellationToken);
        }

        var config = context.Config;
        var unownedAllowed = config.AuthOption("create_dataset_if_not_in_organization")
            && config.AuthOption("create_unowned_dataset");
        return context.User is null
            ? unownedAllowed && config.AuthOption("anon_create_dataset")
            : unownedAllowed;
    }

    /// <summary>Checks package_update and friends on an existing dataset.</summary>
    public static async Task CheckPackageUpdateAsync(
        ActionContext context,
        ICatalogSession session,
        PackageRow package,
        CancellationToken cancellationToken)
    {
        if (!await CanUpdatePackageAsync(context, session, package.OwnerOrg, package.CreatorUserId, cancellationToken))
        {
            throw new NotAuthorizedException(
                $"User {context.UserName} not authorized to edit package {package.Id}");
        }
    }

    /// <summary>Checks package_delete, which needs delete rights in the owning organization.</summary>
    public static async Task CheckPackageDeleteAsync(
        ActionContext context,
        ICatalogSession session,
        PackageRow package,
        CancellationToken cancellationToken)
    {
        var allowed = package.OwnerOrg is null
            ? await CanUpdatePackageAsync(context, session, null, package.CreatorUserId, cancellationToken)
            : await HasGroupPermissionAsync(
                context, session, package.OwnerOrg, Permissions.DeleteDataset, cancellationToken);
        if (!allowed)
        {
            throw new NotAuthorizedException(
                $"User {context.UserName} not authorized to delete package {package.Id}");
        }
    }

    /// <summary>
    /// Checks package_create before validation: whether the caller may create datasets at all,
    /// without or with an organization.
    /// </summary>
    public static async Task CheckPackageCreateAsync(
        ActionContext context,
        ICatalogSession session,
        CancellationToken cancellationToken)
    {
        if (context.IsSysadmin)
        {
            return;
        }

        var config = context.Config;
        var unowned = config.AuthOption("create_dataset_if_not_in_organization")
            && config.AuthOption("create_unowned_dataset");
        if (context.User is null)
        {
            if (!(config.AuthOption("anon_create_dataset") && unowned))
            {
                throw new NotAuthorizedException($"User {context.UserName} not authorized to create packages");
            }

            return;
        }

        if (unowned)
        {
            return;
        }

        var organizations = await OrganizationsWithPermissionAsync(
            context, session, Permissions.CreateDataset, cancellationToken);
        if (organizations.Count == 0)
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to create packages");
        }
    }

    /// <summary>Checks that the caller is a sysadmin, with the action's CKAN message.</summary>
    public static void RequireSysadmin(ActionContext context, string message)
    {
        if (!context.IsSysadmin)
        {
            throw new NotAuthorizedException(message);
        }
    }

    /// <summary>Checks that the caller is the user or a sysadmin.</summary>
    public static void RequireSelfOrSysadmin(ActionContext context, UserRow target, string message)
    {
        if (context.IsSysadmin)
        {
            return;
        }

        if (context.User is null || !string.Equals(context.User.Id, target.Id, StringComparison.Ordinal))
        {
            throw new NotAuthorizedException(message);
        }
    }
}
