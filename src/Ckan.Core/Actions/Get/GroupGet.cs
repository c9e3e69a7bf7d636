using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Catalog;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Core.Actions.Get;

/// <summary>
/// Read actions on groups and organizations: *_list, *_show, member_list and
/// organization_list_for_user.
/// </summary>
public static class GroupGet
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .AddRead("group_list", (context, data, token) => ListAsync(context, data, GroupKind.Group, token))
        .AddRead("organization_list", (context, data, token) => ListAsync(context, data, GroupKind.Organization, token))
        .AddRead("group_show", (context, data, token) => ShowAsync(context, data, GroupKind.Group, token))
        .AddRead("organization_show", (context, data, token) => ShowAsync(context, data, GroupKind.Organization, token))
        .AddRead("member_list", MemberListAsync)
        .AddRead("organization_list_for_user", OrganizationListForUserAsync);

    /// <summary>
    /// group_list / organization_list: names, or dictionaries with <c>all_fields</c>. Parameters:
    /// <c>sort</c> (name, title or package_count, optional asc/desc), <c>limit</c>, <c>offset</c>, <c>q</c>,
    /// <c>groups</c>/<c>organizations</c> (names to keep), <c>all_fields</c>, <c>include_dataset_count</c>,
    /// <c>include_extras</c>, <c>include_users</c>, <c>include_member_count</c>.
    /// </summary>
    public static async Task<ActionResult> ListAsync(
        ActionContext context,
        JsonObject data,
        GroupKind kind,
        CancellationToken cancellationToken)
    {
        var allFields = DataDict.GetBool(data, "all_fields", false);
        var maxLimit = allFields
            ? context.Config.GetInt("ckan.group_and_organization_list_all_fields_max", 25)
            : context.Config.GetInt("ckan.group_and_organization_list_max", 1000);
        var limit = Math.Min(DataDict.GetNaturalNumber(data, "limit", maxLimit) ?? maxLimit, maxLimit);
        var offset = DataDict.GetNaturalNumber(data, "offset", 0) ?? 0;
        var sortText = DataDict.GetString(data, "sort") ?? DataDict.GetString(data, "order_by")
            ?? context.Config.GetString("ckan.default_group_sort", "title");
        var (sortField, descending) = ParseSort(sortText);
        var names = DataDict.GetStringList(data, kind.IsOrganization ? "organizations" : "groups");
        var query = new GroupQuery
        {
            IsOrganization = kind.IsOrganization,
            Text = DataDict.GetString(data, "q") is { Length: > 0 } text ? text : null,
            Names = names,
            SortField = sortField,
            Descending = descending,
            Offset = offset,
            Limit = limit,
        };

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var groups = await session.ListGroupsAsync(query, cancellationToken);
        if (!allFields)
        {
            return new JsonArray(groups.Select(group => (JsonNode?)group.Name).ToArray());
        }

        var options = new GroupShowBuilder.Options
        {
            IncludeDatasetCount = DataDict.GetBool(data, "include_dataset_count", true),
            IncludeExtras = DataDict.GetBool(data, "include_extras", false),
            IncludeUsers = DataDict.GetBool(data, "include_users", false),
            IncludeGroups = DataDict.GetBool(data, "include_groups", false),
            IncludeTags = DataDict.GetBool(data, "include_tags", false),
            IncludeMemberCount = DataDict.GetBool(data, "include_member_count", false),
        };
        return await GroupShowBuilder.BuildManyAsync(context, session, groups, options, cancellationToken);
    }

    /// <summary>
    /// group_show / organization_show: one group's dictionary. Parameters: <c>id</c> (id or name),
    /// <c>include_datasets</c> [false], <c>include_dataset_count</c> [true], <c>include_extras</c> [true],
    /// <c>include_users</c> [true], <c>include_groups</c> [true], <c>include_tags</c> [true],
    /// <c>include_member_count</c> [false].
    /// </summary>
    public static async Task<ActionResult> ShowAsync(
        ActionContext context,
        JsonObject data,
        GroupKind kind,
        CancellationToken cancellationToken)
    {
        var id = DataDict.GetString(data, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new NotFoundException();
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var group = await GroupLookup.FindAsync(session, id, kind, cancellationToken);
        if (string.Equals(group.State, "deleted", StringComparison.Ordinal)
            && !await Authorizer.HasGroupPermissionAsync(context, session, group.Id, Permissions.Update, cancellationToken))
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to read group {group.Id}");
        }

        var options = GroupShowBuilder.ReadShowOptions(context, data);
        return await GroupShowBuilder.BuildAsync(context, session, group, options, cancellationToken);
    }

    /// <summary>
    /// member_list: members of a group as <c>[id, type, capacity]</c> triples. Parameters: <c>id</c>
    /// (required), <c>object_type</c> (package, user or group), <c>capacity</c>.
    /// </summary>
    public static async Task<ActionResult> MemberListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        var objectType = DataDict.GetString(data, "object_type");
        var capacity = DataDict.GetString(data, "capacity");
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var group = await session.GetGroupAsync(id, cancellationToken) ?? throw new NotFoundException("Group was not found.");
        var members = await session.ListMembersAsync(
            group.Id,
            string.IsNullOrEmpty(objectType) ? null : objectType,
            string.IsNullOrEmpty(capacity) ? null : capacity,
            cancellationToken);
        return new JsonArray(members
            .Select(member => (JsonNode?)new JsonArray(member.TableId, member.TableName, member.Capacity))
            .ToArray());
    }

    /// <summary>
    /// organization_list_for_user: organizations where the user holds a permission, each with the user's
    /// <c>capacity</c>. Parameters: <c>id</c> (user id or name; the caller by default), <c>permission</c>
    /// [manage_group], <c>include_dataset_count</c> [false]. Sysadmins get every organization as admin.
    /// </summary>
    public static async Task<ActionResult> OrganizationListForUserAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var permission = DataDict.GetString(data, "permission") is { Length: > 0 } given ? given : Permissions.ManageGroup;
        var includeCount = DataDict.GetBool(data, "include_dataset_count", false);
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var userRef = DataDict.GetString(data, "id");
        var user = string.IsNullOrEmpty(userRef)
            ? context.User
            : await session.GetUserAsync(userRef, cancellationToken) ?? throw new NotFoundException("User not found");
        if (user is null)
        {
            return new JsonArray();
        }

        var organizations = await session.ListGroupsAsync(
            new GroupQuery { IsOrganization = true, SortField = "name" }, cancellationToken);
        var capacities = user.Sysadmin
            ? organizations.ToDictionary(org => org.Id, _ => "admin", StringComparer.Ordinal)
            : (await session.ListMembershipsAsync(user.Id, cancellationToken))
                .Where(membership => membership.IsOrganization && Permissions.Grants(membership.Capacity, permission))
                .ToDictionary(membership => membership.GroupId, membership => membership.Capacity, StringComparer.Ordinal);

        var options = new GroupShowBuilder.Options { IncludeDatasetCount = includeCount };
        var kept = organizations.Where(org => capacities.ContainsKey(org.Id)).ToList();
        var list = await GroupShowBuilder.BuildManyAsync(context, session, kept, options, cancellationToken);
        foreach (var item in list.OfType<JsonObject>())
        {
            item["capacity"] = capacities[item["id"]!.GetValue<string>()];
        }

        return list;
    }

    private static (string Field, bool Descending) ParseSort(string sort)
    {
        var parts = sort.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
        {
            throw ValidationException.ForField("sort", $"Cannot sort by field `{sort}`");
        }

        var field = parts[0] == "packages" ? "package_count" : parts[0];
        if (field is not ("name" or "title" or "package_count"))
        {
            throw ValidationException.ForField("sort", $"Cannot sort by field `{parts[0]}`");
        }

        if (parts.Length == 1)
        {
            return (field, field == "package_count");
        }

        return parts[1].ToLowerInvariant() switch
        {
            "asc" => (field, false),
            "desc" => (field, true),
            _ => throw ValidationException.ForField("sort", $"Invalid sort direction `{parts[1]}`"),
        };
    }
}
