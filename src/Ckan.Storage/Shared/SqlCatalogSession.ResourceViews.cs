using Ckan.Core.Model;

namespace Ckan.Storage.Shared;

internal abstract partial class SqlCatalogSession
{
    private const string ResourceViewColumns = "id, resource_id, title, description, view_type, \"order\", config";

    public Task<ResourceViewRow?> GetResourceViewAsync(string id, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<ResourceViewRow>(
            $"SELECT {ResourceViewColumns} FROM resource_view WHERE id = @id",
            new { id },
            cancellationToken);

    public Task<IReadOnlyList<ResourceViewRow>> ListResourceViewsAsync(
        string resourceId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<ResourceViewRow>(
            $"SELECT {ResourceViewColumns} FROM resource_view WHERE resource_id = @resourceId ORDER BY \"order\", id",
            new { resourceId },
            cancellationToken);

    public Task InsertResourceViewAsync(ResourceViewRow view, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            $"""
            INSERT INTO resource_view ({ResourceViewColumns})
            VALUES (@Id, @ResourceId, @Title, @Description, @ViewType, @Order, @Config)
            """,
            view,
            cancellationToken);

    public Task UpdateResourceViewAsync(ResourceViewRow view, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE resource_view SET resource_id = @ResourceId, title = @Title, description = @Description,
                view_type = @ViewType, "order" = @Order, config = @Config
            WHERE id = @Id
            """,
            view,
            cancellationToken);

    public Task DeleteResourceViewAsync(string id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM resource_view WHERE id = @id", new { id }, cancellationToken);

    public async Task DeleteResourceViewsAsync(
        IReadOnlyList<string> viewTypes,
        CancellationToken cancellationToken = default)
    {
        if (viewTypes.Count == 0)
        {
            await ExecuteAsync("DELETE FROM resource_view", null, cancellationToken);
            return;
        }

        foreach (var viewType in viewTypes)
        {
            await ExecuteAsync(
                "DELETE FROM resource_view WHERE view_type = @viewType", new { viewType }, cancellationToken);
        }
    }
}
