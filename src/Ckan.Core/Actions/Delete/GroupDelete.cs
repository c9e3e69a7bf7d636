using System.Text.Json.Nodes;
using Ckan.Core.Actions.Create;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Search;

namespace Ckan.Core.Actions.Delete;

/// <summary>
/// Delete and purge actions on groups and organizations, and member removal.
/// </summary>
public static class GroupDelete
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("group_delete", (context, data, token) => DeleteAsync(context, data, GroupKind.Group, token))
        .Add("organization_delete", (context, data, token) => DeleteAsync(context, data, GroupKind.Organization, token))
        .Add("group_purge", (context, data, token) => PurgeAsync(context, data, GroupKind.Group, token))
        .Add("organization_purge", (context, data, token) => PurgeAsync(context, data, GroupKind.Organization, token))
        .Add("member_delete", MemberDeleteAsync)
        .Add("group_member_delete",
            (context, data, token) => UserMemberDeleteAsync(context, data, GroupKind.Group, token))
        .Add("organization_member_delete",
            (context, data, token) => UserMemberDeleteAsync(context, data, GroupKind.Organization, token));

    /// <summary>
    /// group_delete / organization_delete: marks the group deleted and ends its memberships (parameter
    /// <c>id</c>). An organization that still owns datasets cannot be deleted unless unowned datasets are
    /// allowed, in which case its datasets lose their organization.
    /// </summary>
    public static async Task<ActionResult> DeleteAsync(
        ActionContext context,
        JsonObject data,
        GroupKind kind,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var group = await GroupLookup.FindAsync(session, id, kind, cancellationToken);
        var option = kind.IsOrganization ? "user_delete_organizations" : "user_delete_groups";
        var allowed = context.IsSysadmin
            || context.Config.AuthOption(option)
            && await Authorizer.HasGroupPermissionAsync(context, session, group.Id, Permissions.Delete, cancellationToken);
        if (!allowed)
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to delete group {group.Id}");
        }

        var affected = await SearchIndexer.ListGroupPackageIdsAsync(session, group, cancellationToken);
        if (kind.IsOrganization && await session.CountOrganizationDatasetsAsync(group.Id, cancellationToken) > 0)
        {
            if (!context.Config.AuthOption("create_unowned_dataset"))
            {
                throw new ValidationException(new JsonObject
                {
                    ["message"] = "Organization cannot be deleted while it still has datasets",
                });
            }

            await session.DetachOrganizationDatasetsAsync(group.Id, cancellationToken);
        }

        foreach (var member in await session.ListMembersAsync(group.Id, null, null, cancellationToken))
        {
            await session.DeleteMemberAsync(group.Id, member.TableName, member.TableId, cancellationToken);
        }

        await session.UpdateGroupAsync(group with { State = "deleted" }, cancellationToken);
        await session.CommitAsync(cancellationToken);
        context.ResetMemberships();
        await SearchIndexer.IndexPackagesAsync(context.Services, affected, cancellationToken);
        return (JsonNode?)null;
    }

    /// <summary>group_purge / organization_purge: deletes a group for good (sysadmins only).</summary>
    public static async Task<ActionResult> PurgeAsync(
        ActionContext context,
        JsonObject data,
        GroupKind kind,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        Authorizer.RequireSysadmin(context, kind.Word + "_purge");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var group = await GroupLookup.FindAsync(session, id, kind, cancellationToken);
        var affected = await SearchIndexer.ListGroupPackageIdsAsync(session, group, cancellationToken);

        await session.PurgeGroupAsync(group.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        await SearchIndexer.IndexPackagesAsync(context.Services, affected, cancellationToken);
        return (JsonNode?)null;
    }

    /// <summary>
    /// member_delete: removes a dataset, user or group from a group. Parameters (required): <c>id</c>,
    /// <c>object</c>, <c>object_type</c>.
    /// </summary>
    public static async Task<ActionResult> MemberDeleteAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        var objectRef = DataDict.Require(data, "object");
        var objectType = DataDict.Require(data, "object_type");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var group = await session.GetGroupAsync(id, cancellationToken) ?? throw new NotFoundException("Group was not found.");
        var objectId = await GroupCreate.ResolveObjectAsync(session, objectType, objectRef, cancellationToken);
        var permission = !group.IsOrganization && objectType == "package" ? Permissions.ManageGroup : Permissions.Update;
        if (!await Authorizer.HasGroupPermissionAsync(context, session, group.Id, permission, cancellationToken))
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to edit group {group.Id}");
        }

        await session.DeleteMemberAsync(group.Id, objectType, objectId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        context.ResetMemberships();
        if (objectType == "package")
        {
            await SearchIndexer.IndexPackagesAsync(context.Services, [objectId], cancellationToken);
        }
        return (JsonNode?)null;
    }

    /// <summary>
    /// group_member_delete / organization_member_delete: removes a user. Parameters: <c>id</c>,
    /// <c>username</c> (or <c>user_id</c>).
    /// </summary>
    public static async Task<ActionResult> UserMemberDeleteAsync(
        ActionContext context,
        JsonObject data,
        GroupKind kind,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        var user = DataDict.GetString(data, "username") ?? DataDict.GetString(data, "user_id");
        if (string.IsNullOrEmpty(user))
        {
            throw ValidationException.Missing("username");
        }

        await using (var session = await context.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            await GroupLookup.FindAsync(session, id, kind, cancellationToken);
        }

        var memberData = new JsonObject { ["id"] = id, ["object"] = user, ["object_type"] = "user" };
        return await MemberDeleteAsync(context, memberData, cancellationToken);
    }
}
