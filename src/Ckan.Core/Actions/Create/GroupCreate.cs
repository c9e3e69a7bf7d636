using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Catalog;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Schemas;
using Ckan.Core.Search;

namespace Ckan.Core.Actions.Create;

/// <summary>
/// Create actions on groups and organizations and their members: group_create, organization_create,
/// member_create, group_member_create and organization_member_create.
/// </summary>
public static class GroupCreate
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("group_create", (context, data, token) => CreateAsync(context, data, GroupKind.Group, token))
        .Add("organization_create", (context, data, token) => CreateAsync(context, data, GroupKind.Organization, token))
        .Add("member_create", MemberCreateAsync)
        .Add("group_member_create", (context, data, token) => UserMemberCreateAsync(context, data, GroupKind.Group, token))
        .Add("organization_member_create",
            (context, data, token) => UserMemberCreateAsync(context, data, GroupKind.Organization, token));

    /// <summary>
    /// group_create / organization_create: creates a group from <c>name</c> (required), <c>title</c>,
    /// <c>description</c>, <c>image_url</c>, <c>extras</c>, <c>users</c> and <c>packages</c>; the creator
    /// becomes its admin. Returns the group as group_show does.
    /// </summary>
    public static async Task<ActionResult> CreateAsync(
        ActionContext context,
        JsonObject data,
        GroupKind kind,
        CancellationToken cancellationToken)
    {
        CheckCreate(context, kind);
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var group = await GroupSchema.ValidateAsync(context, session, data, null, kind.IsOrganization, cancellationToken);

        await session.InsertGroupAsync(group, cancellationToken);
        await session.ReplaceGroupExtrasAsync(group.Id, GroupSchema.ReadExtras(data), cancellationToken);
        await GroupMembers.ApplyUsersAsync(session, group.Id, data, replace: false, cancellationToken);
        await GroupMembers.ApplyPackagesAsync(session, group, data, replace: false, cancellationToken);
        if (context.User is not null)
        {
            await GroupMembers.SetAsync(session, group.Id, "user", context.User.Id, "admin", cancellationToken);
        }

        var added = await SearchIndexer.ListGroupPackageIdsAsync(session, group, cancellationToken);
        await session.CommitAsync(cancellationToken);
        context.ResetMemberships();
        await SearchIndexer.IndexPackagesAsync(context.Services, added, cancellationToken);

        return await GroupShowBuilder.ShowAsync(context, group.Id, cancellationToken);
    }

    /// <summary>
    /// member_create: adds a dataset, user or group to a group with a capacity. Parameters (all
    /// required): <c>id</c> (group), <c>object</c> (id or name), <c>object_type</c> (package, user or
    /// group), <c>capacity</c>. Returns the member dictionary.
    /// </summary>
    public static async Task<ActionResult> MemberCreateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        foreach (var key in new[] { "id", "object", "object_type", "capacity" })
        {
            if (string.IsNullOrEmpty(DataDict.GetString(data, key)))
            {
                errors.Add(key, "Missing value");
            }
        }

        errors.ThrowIfAny();
        var objectType = DataDict.GetString(data, "object_type")!;
        var capacity = DataDict.GetString(data, "capacity")!;
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var group = await session.GetGroupAsync(DataDict.GetString(data, "id")!, cancellationToken)
            ?? throw new NotFoundException("Group was not found.");
        var objectId = await ResolveObjectAsync(session, objectType, DataDict.GetString(data, "object")!, cancellationToken);

        Authorizer.RequireAuthenticated(context, "member_create");
        var permission = !group.IsOrganization && objectType == "package" ? Permissions.ManageGroup : Permissions.Update;
        if (!await Authorizer.HasGroupPermissionAsync(context, session, group.Id, permission, cancellationToken))
        {
            throw new NotAuthorizedException(
                $"User {context.UserName} not authorized to edit group {group.Id}");
        }

        if (objectType == "user" && !Permissions.Roles.Contains(capacity))
        {
            throw ValidationException.ForField("capacity", "Role does not exist.");
        }

        await CheckSelfDemotionAsync(context, session, group.Id, objectType, objectId, capacity, cancellationToken);
        var member = await GroupMembers.SetAsync(session, group.Id, objectType, objectId, capacity, cancellationToken);
        await session.CommitAsync(cancellationToken);
        context.ResetMemberships();
        if (objectType == "package")
        {
            await SearchIndexer.IndexPackagesAsync(context.Services, [objectId], cancellationToken);
        }
        return member;
    }

    /// <summary>
    /// group_member_create / organization_member_create: gives a user a role. Parameters (required):
    /// <c>id</c> (group), <c>username</c> (id or name), <c>role</c> (admin, editor or member).
    /// </summary>
    public static async Task<ActionResult> UserMemberCreateAsync(
        ActionContext context,
        JsonObject data,
        GroupKind kind,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        foreach (var key in new[] { "id", "username", "role" })
        {
            if (string.IsNullOrEmpty(DataDict.GetString(data, key)))
            {
                errors.Add(key, "Missing value");
            }
        }

        var role = DataDict.GetString(data, "role");
        if (!string.IsNullOrEmpty(role) && !Permissions.Roles.Contains(role))
        {
            errors.Add("role", "role does not exist.");
        }

        errors.ThrowIfAny();
        await using (var session = await context.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            var group = await GroupLookup.FindAsync(session, DataDict.GetString(data, "id")!, kind, cancellationToken);
            Authorizer.RequireAuthenticated(context, kind.Word + "_member_create");
            if (!await Authorizer.HasGroupPermissionAsync(
                    context, session, group.Id, Permissions.Membership, cancellationToken))
            {
                throw new NotAuthorizedException($"User {context.UserName} not authorized to add members");
            }
        }

        var memberData = new JsonObject
        {
            ["id"] = DataDict.GetString(data, "id"),
            ["object"] = DataDict.GetString(data, "username"),
            ["object_type"] = "user",
            ["capacity"] = role,
        };
        return await MemberCreateAsync(context, memberData, cancellationToken);
    }

    private static void CheckCreate(ActionContext context, GroupKind kind)
    {
        if (context.IsSysadmin)
        {
            return;
        }

        Authorizer.RequireAuthenticated(context, kind.Word + "_create");
        var option = kind.IsOrganization ? "user_create_organizations" : "user_create_groups";
        if (!context.Config.AuthOption(option))
        {
            // CKAN names the user by id in this message, not by name.
            throw new NotAuthorizedException($"User {context.User?.Id} not authorized to create {kind.Plural}");
        }
    }

    internal static async Task<string> ResolveObjectAsync(
        ICatalogSession session,
        string objectType,
        string reference,
        CancellationToken cancellationToken)
    {
        string? id = objectType switch
        {
            "user" => (await session.GetUserAsync(reference, cancellationToken))?.Id,
            "package" => (await session.GetPackageAsync(reference, cancellationToken))?.Id,
            "group" => (await session.GetGroupAsync(reference, cancellationToken))?.Id,
            _ => throw ValidationException.ForField("object_type", "Object type must be package, user or group"),
        };
        return id ?? throw new NotFoundException(objectType switch
        {
            "user" => "User was not found.",
            "package" => "Package was not found.",
            _ => "Group was not found.",
        });
    }

    private static async Task CheckSelfDemotionAsync(
        ActionContext context,
        ICatalogSession session,
        string groupId,
        string objectType,
        string objectId,
        string capacity,
        CancellationToken cancellationToken)
    {
        if (objectType != "user" || context.User is null || context.User.Sysadmin || capacity == "admin"
            || !string.Equals(context.User.Id, objectId, StringComparison.Ordinal))
        {
            return;
        }

        var current = await session.GetMemberAsync(groupId, "user", objectId, cancellationToken);
        if (current is { State: "active", Capacity: "admin" })
        {
            throw new NotAuthorizedException("Administrators cannot revoke their own admin status");
        }
    }
}
