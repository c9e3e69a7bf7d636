using Ckan.Core.Catalog;
using Ckan.Core.Model;
using Dapper;

namespace Ckan.Storage.Postgres;

internal sealed partial class PostgresCatalogSession
{
    public Task<GroupRow?> GetGroupAsync(string idOrName, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<GroupRow>(
            """
            (SELECT * FROM "group" WHERE id = @idOrName)
            UNION ALL
            (SELECT * FROM "group" WHERE name = @idOrName AND id <> @idOrName)
            LIMIT 1
            """,
            new { idOrName },
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, GroupRow>> GetGroupsByNameAsync(
        IReadOnlyCollection<string> names,
        CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<GroupRow>(
            "SELECT * FROM \"group\" WHERE name = ANY(@names)",
            new { names = names.Distinct(StringComparer.Ordinal).ToArray() },
            cancellationToken);
        return rows.ToDictionary(row => row.Name, StringComparer.Ordinal);
    }

    public Task InsertGroupAsync(GroupRow group, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO "group" (id, name, title, type, description, image_url, created, is_organization,
                approval_status, state)
            VALUES (@Id, @Name, @Title, @Type, @Description, @ImageUrl, @Created::timestamp, @IsOrganization,
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
                """
                INSERT INTO group_extra (id, group_id, key, value, state)
                VALUES (@id, @groupId, @key, @value, 'active')
                """,
                new { id = NewId(), groupId, key = extra.Key, value = extra.Value },
                cancellationToken);
        }
    }

    public async Task PurgeGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        string[] statements =
        [
            "DELETE FROM group_extra WHERE group_id = @groupId",
            "DELETE FROM member WHERE group_id = @groupId",
            "DELETE FROM member WHERE table_name = 'group' AND table_id = @groupId",
            "UPDATE package SET owner_org = NULL WHERE owner_org = @groupId",
            "DELETE FROM \"group\" WHERE id = @groupId",
        ];
        foreach (var sql in statements)
        {
            await ExecuteAsync(sql, new { groupId }, cancellationToken);
        }
    }

    public Task<IReadOnlyList<GroupRow>> ListGroupsAsync(
        GroupQuery query,
        CancellationToken cancellationToken = default)
    {
        var order = query.SortField switch
        {
            "name" => "g.name",
            "package_count" => "package_count",
            _ => "lower(coalesce(nullif(g.title, ''), g.name))",
        };
        var direction = query.Descending ? "DESC" : "ASC";
        var parameters = new DynamicParameters(new
        {
            isOrganization = query.IsOrganization,
            pattern = ContainsPattern(query.Text),
            limit = query.Limit,
            offset = query.Offset,
        });
        var nameFilter = "";
        if (query.Names.Count > 0)
        {
            nameFilter = "AND g.name = ANY(@names)";
            parameters.Add("names", ToArray(query.Names));
        }

        return QueryAsync<GroupRow>(
            $"""
            SELECT g.*, (
                SELECT count(*) FROM package p
                WHERE p.state = 'active' AND p.private IS NOT TRUE AND (
                    (g.is_organization IS TRUE AND p.owner_org = g.id)
                    OR (g.is_organization IS NOT TRUE AND p.id IN (
                        SELECT m.table_id FROM member m
                        WHERE m.group_id = g.id AND m.table_name = 'package' AND m.state = 'active')))
            ) AS package_count
            FROM "group" g
            WHERE g.state = 'active' AND coalesce(g.is_organization, false) = @isOrganization
              AND (@pattern::text IS NULL OR lower(g.name) LIKE @pattern ESCAPE '\'
                   OR lower(g.title) LIKE @pattern ESCAPE '\' OR lower(g.description) LIKE @pattern ESCAPE '\')
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
                SELECT count(*)::int FROM package p
                WHERE p.state = 'active'
                  AND (p.private IS NOT TRUE OR @includeAllPrivate OR p.owner_org = ANY(@readable))
                  AND ((g.is_organization IS TRUE AND p.owner_org = g.id)
                    OR (g.is_organization IS NOT TRUE AND p.id IN (
                        SELECT m.table_id FROM member m
                        WHERE m.group_id = g.id AND m.table_name = 'package' AND m.state = 'active'))))
            FROM "group" g WHERE g.id = ANY(@groupIds)
            """,
            new { groupIds = ToArray(groupIds), readable = ToArray(privateReadableGroupIds), includeAllPrivate },
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
            "SELECT count(*)::int FROM package WHERE owner_org = @organizationId AND state <> 'deleted'",
            new { organizationId },
            cancellationToken);

    public Task DetachOrganizationDatasetsAsync(string organizationId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE package SET owner_org = NULL WHERE owner_org = @organizationId",
            new { organizationId },
            cancellationToken);
}
