using Ckan.Core.Catalog;
using Ckan.Core.Model;
using Dapper;

namespace Ckan.Storage.Sqlite;

internal sealed partial class SqliteCatalogSession
{
    private const int GroupNameChunk = 500;

    public Task<GroupRow?> GetGroupAsync(string idOrName, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<GroupRow>(
            """
            SELECT * FROM "group" WHERE id = @idOrName
            UNION ALL
            SELECT * FROM "group" WHERE name = @idOrName AND id <> @idOrName
            LIMIT 1
            """,
            new { idOrName },
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, GroupRow>> GetGroupsByNameAsync(
        IReadOnlyCollection<string> names,
        CancellationToken cancellationToken = default)
    {
        var groups = new Dictionary<string, GroupRow>(StringComparer.Ordinal);

        // Chunks keep each statement well below SQLite's limit on bound parameters.
        foreach (var chunk in names.Distinct(StringComparer.Ordinal).Chunk(GroupNameChunk))
        {
            var rows = await QueryAsync<GroupRow>(
                "SELECT * FROM \"group\" WHERE name IN @chunk",
                new { chunk },
                cancellationToken);
            foreach (var row in rows)
            {
                groups[row.Name] = row;
            }
        }

        return groups;
    }

    public Task InsertGroupAsync(GroupRow group, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO "group" (id, name, title, type, description, image_url, created, is_organization,
                approval_status, state)
            VALUES (@Id, @Name, @Title, @Type, @Description, @ImageUrl, @Created, @IsOrganization,
                @ApprovalStatus, @State)
            """,
            group,
            cancellationToken);

    public Task UpdateGroupAsync(GroupRow group, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE "group" SET name = @Name, title = @Title, type = @Type, description = @Description,
                image_url = @ImageUrl, is_organization = @IsOrganization, approval_status = @ApprovalStatus,
                state = @State
            WHERE id = @Id
            """,
            group,
            cancellationToken);

    public Task<IReadOnlyList<ExtraRow>> GetGroupExtrasAsync(
        string groupId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<ExtraRow>(
            "SELECT key, value FROM group_extra WHERE group_id = @groupId AND state = 'active' ORDER BY key",
            new { groupId },
            cancellationToken);

    public async Task ReplaceGroupExtrasAsync(
        string groupId,
        IReadOnlyList<ExtraRow> extras,
        CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("DELETE FROM group_extra WHERE group_id = @groupId", new { groupId }, cancellationToken);
        foreach (var extra in extras)
        {
            await ExecuteAsync(
                "INSERT INTO group_extra (id, group_id, key, value, state) VALUES (@id, @groupId, @key, @value, 'active')",
                new { id = NewId(), groupId, key = extra.Key, value = extra.Value },
                cancellationToken);
        }
    }

    public async Task PurgeGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("DELETE FROM group_extra WHERE group_id = @groupId", new { groupId }, cancellationToken);
        await ExecuteAsync("DELETE FROM member WHERE group_id = @groupId", new { groupId }, cancellationToken);
        await ExecuteAsync(
            "DELETE FROM member WHERE table_name = 'group' AND table_id = @groupId", new { groupId }, cancellationToken);
        await ExecuteAsync(
            "UPDATE package SET owner_org = NULL WHERE owner_org = @groupId", new { groupId }, cancellationToken);
        await ExecuteAsync("DELETE FROM \"group\" WHERE id = @groupId", new { groupId }, cancellationToken);
    }

    public Task<IReadOnlyList<GroupRow>> ListGroupsAsync(GroupQuery query, CancellationToken cancellationToken = default)
    {
        var order = query.SortField switch
        {
            "name" => "g.name",
            "package_count" => "package_count",
            _ => "lower(ifnull(nullif(g.title, ''), g.name))",
        };
        var direction = query.Descending ? "DESC" : "ASC";
        var parameters = new DynamicParameters(new
        {
            isOrganization = query.IsOrganization,
            pattern = ContainsPattern(query.Text),
            limit = query.Limit ?? -1,
            offset = query.Offset,
        });
        var nameFilter = "";
        if (query.Names.Count > 0)
        {
            nameFilter = "AND g.name IN @names";
            parameters.Add("names", query.Names);
        }

        return QueryAsync<GroupRow>(
            $"""
            SELECT g.*, (
                SELECT count(*) FROM package p
                WHERE p.state = 'active' AND p.private = 0 AND (
                    (g.is_organization = 1 AND p.owner_org = g.id)
                    OR (g.is_organization = 0 AND p.id IN (
                        SELECT m.table_id FROM member m
                        WHERE m.group_id = g.id AND m.table_name = 'package' AND m.state = 'active')))
            ) AS package_count
            FROM "group" g
            WHERE g.state = 'active' AND g.is_organization = @isOrganization
              AND (@pattern IS NULL OR casefold(g.name) LIKE @pattern ESCAPE '\' OR casefold(g.title) LIKE @pattern ESCAPE '\'
                   OR casefold(g.description) LIKE @pattern ESCAPE '\')
              {nameFilter}
            ORDER BY {order} {direction}, g.name
            LIMIT @limit OFFSET @offset
            """,
            parameters,
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountGroupPackagesAsync(
        IReadOnlyList<string> groupIds,
        IReadOnlyCollection<string> privateReadableGroupIds,
        bool includeAllPrivate,
        CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (groupIds.Count == 0)
        {
            return counts;
        }

        var rows = await QueryAsync<(string GroupId, int Count)>(
            """
            SELECT g.id, (
                SELECT count(*) FROM package p
                WHERE p.state = 'active'
                  AND (p.private = 0 OR @includeAllPrivate OR p.owner_org IN @readable)
                  AND ((g.is_organization = 1 AND p.owner_org = g.id)
                    OR (g.is_organization = 0 AND p.id IN (
                        SELECT m.table_id FROM member m
                        WHERE m.group_id = g.id AND m.table_name = 'package' AND m.state = 'active'))))
            FROM "group" g WHERE g.id IN @groupIds
            """,
            new { groupIds, readable = privateReadableGroupIds.ToList(), includeAllPrivate },
            cancellationToken);
        foreach (var (groupId, count) in rows)
        {
            counts[groupId] = count;
        }

        return counts;
    }

    public Task<int> CountOrganizationDatasetsAsync(
        string organizationId,
        CancellationToken cancellationToken = default) =>
        ScalarAsync<int>(
            "SELECT count(*) FROM package WHERE owner_org = @organizationId AND state <> 'deleted'",
            new { organizationId },
            cancellationToken);

    public Task DetachOrganizationDatasetsAsync(string organizationId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE package SET owner_org = NULL WHERE owner_org = @organizationId",
            new { organizationId },
            cancellationToken);

    public Task<MemberRow?> GetMemberAsync(
        string groupId,
        string tableName,
        string tableId,
        CancellationToken cancellationToken = default) =>
        QuerySingleAsync<MemberRow>(
            """
            SELECT * FROM member WHERE group_id = @groupId AND table_name = @tableName AND table_id = @tableId
            ORDER BY state = 'active' DESC LIMIT 1
            """,
            new { groupId, tableName, tableId },
            cancellationToken);

    public async Task UpsertMemberAsync(MemberRow member, CancellationToken cancellationToken = default)
    {
        var updated = await ExecuteAsync(
            "UPDATE member SET capacity = @Capacity, state = @State WHERE id = @Id", member, cancellationToken);
        if (updated == 0)
        {
            await ExecuteAsync(
                """
                INSERT INTO member (id, table_name, table_id, capacity, group_id, state)
                VALUES (@Id, @TableName, @TableId, @Capacity, @GroupId, @State)
                """,
                member,
                cancellationToken);
        }
    }

    public async Task<bool> DeleteMemberAsync(
        string groupId,
        string tableName,
        string tableId,
        CancellationToken cancellationToken = default)
    {
        var changed = await ExecuteAsync(
            """
            UPDATE member SET state = 'deleted'
            WHERE group_id = @groupId AND table_name = @tableName AND table_id = @tableId AND state = 'active'
            """,
            new { groupId, tableName, tableId },
            cancellationToken);
        return changed > 0;
    }

    public Task<IReadOnlyList<MemberRow>> ListMembersAsync(
        string groupId,
        string? tableName,
        string? capacity,
        CancellationToken cancellationToken = default) =>
        QueryAsync<MemberRow>(
            """
            SELECT * FROM member
            WHERE group_id = @groupId AND state = 'active'
              AND (@tableName IS NULL OR table_name = @tableName)
              AND (@capacity IS NULL OR capacity = @capacity)
            ORDER BY rowid
            """,
            new { groupId, tableName, capacity },
            cancellationToken);

    public Task DeleteMembershipsOfAsync(string tableName, string tableId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE member SET state = 'deleted' WHERE table_name = @tableName AND table_id = @tableId",
            new { tableName, tableId },
            cancellationToken);

    public Task<IReadOnlyList<Membership>> ListMembershipsAsync(
        string userId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<Membership>(
            """
            SELECT m.group_id AS GroupId, m.capacity AS Capacity, g.is_organization AS IsOrganization FROM member m JOIN "group" g ON g.id = m.group_id
            WHERE m.table_name = 'user' AND m.table_id = @userId AND m.state = 'active' AND g.state = 'active'
            """,
            new { userId },
            cancellationToken);
}
