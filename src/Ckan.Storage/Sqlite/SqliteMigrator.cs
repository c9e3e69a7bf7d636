using Ckan.Core.Catalog;
using Ckan.Core.Json;
using Ckan.Storage.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ckan.Storage.Sqlite;

/// <summary>
/// Applies <see cref="SqliteMigrations"/> in order, recording each in <c>schema_migrations</c>.
/// </summary>
public sealed class SqliteMigrator(SqliteCatalogStore store) : ICatalogMigrator
{
    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> UpgradeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(CreateLedger, transaction: transaction);
        var applied = (await connection.QueryAsync<string>(
            "SELECT name FROM schema_migrations", transaction: transaction)).ToHashSet(StringComparer.Ordinal);

        var newlyApplied = new List<string>();
        foreach (var (name, sql) in SqliteMigrations.All)
        {
            if (applied.Contains(name))
            {
                continue;
            }

            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (@name, @at)",
                new { name, at = CkanTime.ToStorage(CkanTime.UtcNow()) },
                transaction);
            newlyApplied.Add(name);
        }

        await transaction.CommitAsync(cancellationToken);
        store.MarkChanged();
        return newlyApplied;
    }

    /// <inheritdoc />
    public async Task<string?> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        if (exists == 0)
        {
            return null;
        }

        return await connection.ExecuteScalarAsync<string?>(
            "SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1");
    }

    /// <inheritdoc />
    public async Task CleanAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var tables = await connection.QueryAsync<string>(
            """
            SELECT name FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'
            """,
            transaction: transaction);
        await connection.ExecuteAsync("PRAGMA defer_foreign_keys = ON", transaction: transaction);
        foreach (var table in tables)
        {
            await connection.ExecuteAsync($"DELETE FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
                transaction: transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        store.MarkChanged();
    }
}
