using Ckan.Core.Model;

namespace Ckan.Storage.Postgres;

internal sealed partial class PostgresCatalogSession
{
    public Task<TaskStatusRow?> GetTaskStatusAsync(
        string entityId,
        string taskType,
        string key,
        CancellationToken cancellationToken = default) =>
        QuerySingleAsync<TaskStatusRow>(
            """
            SELECT id, entity_id, entity_type, task_type, key, value, state, error, last_updated::text AS last_updated
            FROM task_status WHERE entity_id = @entityId AND task_type = @taskType AND key = @key
            """,
            new { entityId, taskType, key },
            cancellationToken);

    public Task SaveTaskStatusAsync(TaskStatusRow row, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO task_status (id, entity_id, entity_type, task_type, key, value, state, error, last_updated)
            VALUES (@Id, @EntityId, @EntityType, @TaskType, @Key, @Value, @State, @Error, @LastUpdated::timestamp)
            ON CONFLICT (entity_id, task_type, key) DO UPDATE SET
                entity_type = excluded.entity_type, value = excluded.value, state = excluded.state,
                error = excluded.error, last_updated = excluded.last_updated
            """,
            row,
            cancellationToken);
}
