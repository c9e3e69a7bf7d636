using Ckan.Core.Model;

namespace Ckan.Storage.Postgres;

internal sealed partial class PostgresCatalogSession
{
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

    // Known limitation: PostgreSQL keeps no insertion order, so members list in physical row order,
    // which is insertion order until a membership row is updated; SQLite lists them by rowid.
    public Task<IReadOnlyList<MemberRow>> ListMembersAsync(
        string groupId,
        string? tableName,
        string? capacity,
        CancellationToken cancellationToken = default) =>
        QueryAsync<MemberRow>(
            """
            SELECT * FROM member
            WHERE group_id = @groupId AND state = 'active'
              AND (@tableName::text IS NULL OR table_name = @tableName)
              AND (@capacity::text IS NULL OR capacity = @capacity)
            ORDER BY ctid
            """,
            new { groupId, tableName, capacity },
            cancellationToken);

    public Task DeleteMembershipsOfAsync(
        string tableName,
        string tableId,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE member SET state = 'deleted' WHERE table_name = @tableName AND table_id = @tableId",
            new { tableName, tableId },
            cancellationToken);

    public Task<IReadOnlyList<Membership>> ListMembershipsAsync(
        string userId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<Membership>(
            """
            SELECT m.group_id AS GroupId, m.capacity AS Capacity, g.is_organization AS IsOrganization
            FROM member m JOIN "group" g ON g.id = m.group_id
            WHERE m.table_name = 'user' AND m.table_id = @userId AND m.state = 'active' AND g.state = 'active'
            """,
            new { userId },
            cancellationToken);
}
