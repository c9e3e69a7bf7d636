using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Catalog;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Model;

namespace Ckan.Core.Actions;

/// <summary>
/// Writes memberships: users with a capacity, and datasets in groups. Shared by the group create,
/// update and member actions.
/// </summary>
public static class GroupMembers
{
    /// <summary>Adds or changes a membership and returns CKAN's member dictionary.</summary>
    public static async Task<JsonObject> SetAsync(
        ICatalogSession session,
        string groupId,
        string tableName,
        string tableId,
        string capacity,
        CancellationToken cancellationToken)
    {
        var existing = await session.GetMemberAsync(groupId, tableName, tableId, cancellationToken);
        var member = existing is null
            ? new MemberRow
            {
                Id = Guid.NewGuid().ToString(),
                TableName = tableName,
                TableId = tableId,
                Capacity = capacity,
                GroupId = groupId,
            }
            : existing with { Capacity = capacity, State = "active" };
        await session.UpsertMemberAsync(member, cancellationToken);
        return ToDict(member);
    }

    /// <summary>Builds CKAN's member dictionary.</summary>
    public static JsonObject ToDict(MemberRow member) => new()
    {
        ["id"] = member.Id,
        ["table_name"] = member.TableName,
        ["table_id"] = member.TableId,
        ["capacity"] = member.Capacity,
        ["group_id"] = member.GroupId,
        ["state"] = member.State,
    };

    /// <summary>
    /// Applies the <c>users</c> list of a group dictionary: each entry names a user (<c>name</c> or
    /// <c>id</c>) and a <c>capacity</c> (member by default).
    /// </summary>
    public static async Task ApplyUsersAsync(
        ICatalogSession session,
        string groupId,
        JsonObject input,
        CancellationToken cancellationToken)
    {
        if (input["users"] is not JsonArray users)
        {
            return;
        }

        foreach (var entry in users.OfType<JsonObject>())
        {
            var reference = DataDict.GetString(entry, "name") ?? DataDict.GetString(entry, "id");
            if (string.IsNullOrEmpty(reference))
            {
                continue;
            }

            var user = await session.GetUserAsync(reference, cancellationToken)
                ?? throw ValidationException.ForField("users", $"User \"{reference}\" not found");
            var capacity = DataDict.GetString(entry, "capacity") is { Length: > 0 } given ? given : "member";
            if (!Permissions.Roles.Contains(capacity))
            {
                throw ValidationException.ForField("users", $"Role \"{capacity}\" does not exist.");
            }

            await SetAsync(session, groupId, "user", user.Id, capacity, cancellationToken);
        }
    }

    /// <summary>Applies the <c>packages</c> list of a group dictionary: datasets by id or name.</summary>
    public static async Task ApplyPackagesAsync(
        ICatalogSession session,
        GroupRow group,
        JsonObject input,
        CancellationToken cancellationToken)
    {
        if (group.IsOrganization || input["packages"] is not JsonArray packages)
        {
            return;
        }

        foreach (var entry in packages)
        {
            var reference = entry is JsonObject dict
                ? DataDict.GetString(dict, "id") ?? DataDict.GetString(dict, "name")
                : DataDict.AsString(entry);
            if (string.IsNullOrEmpty(reference))
            {
                continue;
            }

            var package = await session.GetPackageAsync(reference, cancellationToken)
                ?? throw ValidationException.ForField("packages", $"Dataset \"{reference}\" not found");
            await SetAsync(session, group.Id, "package", package.Id, "public", cancellationToken);
        }
    }
}
