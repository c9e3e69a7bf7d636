using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Model;

namespace Ckan.Core.Auth;

/// <summary>
/// CKAN's authorization rules for the core actions. Each check either returns or raises
/// <see cref="NotAuthorizedException"/> with CKAN's message.
/// </summary>
public static class Authorizer
{
    /// <summary>Returns whether the caller has the permission in the group or organization.</summary>
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

    /// <summary>Returns the ids of organizations where the caller has the permission.</summary>
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
    /// without or with an organization, and may add one to the <c>owner_org</c> given in
    /// <paramref name="data"/>. As in CKAN, an unknown organization fails this check for anyone but a
    /// sysadmin, before validation can report it.
    /// </summary>
    public static async Task CheckPackageCreateAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject data,
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

            await CheckOwnerOrganizationAsync(context, session, data, cancellationToken);
            return;
        }

        if (!unowned)
        {
            var organizations = await OrganizationsWithPermissionAsync(
                context, session, Permissions.CreateDataset, cancellationToken);
            if (organizations.Count == 0)
            {
                throw new NotAuthorizedException($"User {context.UserName} not authorized to create packages");
            }
        }

        await CheckOwnerOrganizationAsync(context, session, data, cancellationToken);
    }

    /// <summary>
    /// Checks that the caller is a sysadmin, for actions whose CKAN rule denies everyone else without a
    /// reason: anonymous callers get CKAN's "requires an authenticated user" message, users a bare
    /// "Access denied".
    /// </summary>
    public static void RequireSysadmin(ActionContext context, string action)
    {
        if (context.IsSysadmin)
        {
            return;
        }

        RequireAuthenticated(context, action);
        throw new NotAuthorizedException();
    }

    /// <summary>
    /// Checks that the caller is logged in, as CKAN does before every rule not marked for anonymous
    /// access; <paramref name="action"/> is the action name its message shows.
    /// </summary>
    public static void RequireAuthenticated(ActionContext context, string action)
    {
        if (context.User is null && !context.IgnoreAuth)
        {
            throw new NotAuthorizedException($"Action {action} requires an authenticated user");
        }
    }

    private static async Task CheckOwnerOrganizationAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var reference = DataDict.GetString(data, "owner_org");
        if (string.IsNullOrEmpty(reference))
        {
            return;
        }

        var organization = await session.GetGroupAsync(reference, cancellationToken);
        if (organization is null || !await HasGroupPermissionAsync(
                context, session, organization.Id, Permissions.CreateDataset, cancellationToken))
        {
            throw new NotAuthorizedException(
                $"User {context.UserName} not authorized to add dataset to this organization");
        }
    }

    /// <summary>
    /// Checks that the caller is the user or a sysadmin; a null <paramref name="message"/> gives CKAN's
    /// bare "Access denied".
    /// </summary>
    public static void RequireSelfOrSysadmin(ActionContext context, UserRow target, string? message)
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
