namespace Ckan.Storage.Shared;

internal abstract partial class SqlCatalogSession
{
    public Task<IReadOnlyList<string>> ListShowcasePackageIdsAsync(
        string showcaseId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<string>(
            "SELECT package_id FROM showcase_package_association WHERE showcase_id = @showcaseId ORDER BY package_id",
            new { showcaseId },
            cancellationToken);

    public Task<IReadOnlyList<string>> ListPackageShowcaseIdsAsync(
        string packageId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<string>(
            "SELECT showcase_id FROM showcase_package_association WHERE package_id = @packageId ORDER BY showcase_id",
            new { packageId },
            cancellationToken);

    public async Task<bool> AddShowcasePackageAsync(
        string showcaseId,
        string packageId,
        CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "INSERT INTO showcase_package_association (package_id, showcase_id) VALUES (@packageId, @showcaseId) ON CONFLICT DO NOTHING",
            new { packageId, showcaseId },
            cancellationToken) > 0;

    public async Task<bool> RemoveShowcasePackageAsync(
        string showcaseId,
        string packageId,
        CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "DELETE FROM showcase_package_association WHERE package_id = @packageId AND showcase_id = @showcaseId",
            new { packageId, showcaseId },
            cancellationToken) > 0;

    public Task RemoveShowcaseLinksAsync(string packageId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "DELETE FROM showcase_package_association WHERE package_id = @packageId OR showcase_id = @packageId",
            new { packageId },
            cancellationToken);

    public Task<IReadOnlyList<string>> ListShowcaseAdminIdsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<string>("SELECT user_id FROM showcase_admin ORDER BY user_id", null, cancellationToken);

    public async Task<bool> AddShowcaseAdminAsync(string userId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "INSERT INTO showcase_admin (user_id) VALUES (@userId) ON CONFLICT DO NOTHING", new { userId }, cancellationToken) > 0;

    public async Task<bool> RemoveShowcaseAdminAsync(string userId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM showcase_admin WHERE user_id = @userId", new { userId }, cancellationToken) > 0;
}
