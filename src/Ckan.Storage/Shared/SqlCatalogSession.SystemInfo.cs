using Ckan.Core.Model;

namespace Ckan.Storage.Shared;

internal abstract partial class SqlCatalogSession
{
    public async Task<IReadOnlyDictionary<string, string?>> GetSystemInfoAsync(
        CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<SystemInfoRow>(
            "SELECT key, value FROM system_info WHERE state = 'active'", null, cancellationToken);
        return rows.ToDictionary(row => row.Key, row => row.Value, StringComparer.Ordinal);
    }

    public Task SetSystemInfoAsync(string key, string? value, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO system_info (key, value, state) VALUES (@key, @value, 'active')
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, state = 'active'
            """,
            new { key, value },
            cancellationToken);
}
