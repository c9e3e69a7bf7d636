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
    /// <c>id</c>) and a <c>capacity</c> (member by default). Users that do not exist are skipped, as CKAN
    /// skips them. With <paramref name="replace"/>, users missing from the list lose their membership,
    /// and an absent list removes every user, which is what CKAN's group_update does.
    /// </summary>
    public static async Task ApplyUsersAsync(
        ICatalogSession session,
        string groupId,
        JsonObject input,
        bool replace,
        CancellationToken cancellationToken)
    {
        if (input["users"] is not JsonArray users)
        {
            users = [];
            if (!replace)
            {
                return;
            }
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in users.OfType<JsonObject>())
        {
            var reference = DataDict.GetString(entry, "name") ?? DataDict.GetString(entry, "id");
            var user = string.IsNullOrEmpty(reference) ? null : await session.GetUserAsync(reference, cancellationToken);
            if (user is null)
            {
                continue;
            }

            var capacity = DataDict.GetString(entry, "capacity") is { Length: > 0 } given ? given : "member";
            if (!Permissions.Roles.Contains(capacity))
            {
                throw ValidationException.ForField("users", $"Role \"{capacity}\" does not exist.");
            }

            kept.Add(user.Id);
            await SetAsync(session, groupId, "user", user.Id, capacity, cancellationToken);
        }

        if (replace)
        {
            await RemoveOthersAsync(session, groupId, "user", kept, cancellationToken);
        }
    }

    /// <summary>
    /// Applies the <c>packages</c> list of a group dictionary: datasets by id or name, unknown ones
    /// skipped. With <paramref name="replace"/>, datasets missing from the list leave the group.
    /// Organizations ignore the list: their datasets change only through each dataset's owner_org.
    /// </summary>
    public static async Task ApplyPackagesAsync(
        ICatalogSession session,
        GroupRow group,
        JsonObject input,
        bool replace,
        CancellationToken cancellationToken)
    {
        if (group.IsOrganization)
        {
            return;
        }

        if (input["packages"] is not JsonArray packages)
        {
            packages = [];
            if (!replace)
            {
                return;
            }
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in packages)
        {
            var reference = entry is JsonObject dict
                ? DataDict.GetString(dict, "id") ?? DataDict.GetString(dict, "name")
                : DataDict.AsString(entry);
            var package = string.IsNullOrEmpty(reference) ? null : await session.GetPackageAsync(reference, cancellationToken);
            if (package is null)
            {
                continue;
            }

            kept.Add(package.Id);
            await SetAsync(session, group.Id, "package", package.Id, "public", cancellationToken);
        }

        if (replace)
        {
            await RemoveOthersAsync(session, group.Id, "package", kept, cancellationToken);
        }
    }

    private static async Task RemoveOthersAsync(
        ICatalogSession session,
        string groupId,
        string tableName,
        IReadOnlySet<string> kept,
        CancellationToken cancellationToken)
    {
        foreach (var member in await session.ListMembersAsync(groupId, tableName, null, cancellationToken))
        {
            if (!kept.Contains(member.TableId))
            {
                await session.DeleteMemberAsync(groupId, tableName, member.TableId, cancellationToken);
            }
        }
    }
}
