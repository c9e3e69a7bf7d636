using Ckan.Core.Catalog;
using Ckan.Core.Json;
using Ckan.Storage.Migrations;
using Dapper;

namespace Ckan.Storage.Postgres;

/// <summary>
/// Applies <see cref="PostgresMigrations"/> in order, recording each in <c>schema_migrations</c>. Runs
/// under the catalog's write lock, so two processes upgrading at once apply each migration once.
/// </summary>
public sealed class PostgresMigrator(PostgresCatalogStore store) : ICatalogMigrator
{
    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamp NOT NULL)
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> UpgradeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = await PostgresCatalogStore.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(CreateLedger, null, transaction, cancellationToken));
        var applied = (await connection.QueryAsync<string>(
                Command("SELECT name FROM schema_migrations", null, transaction, cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);

        var newlyApplied = new List<string>();
        foreach (var (name, sql) in PostgresMigrations.All)
        {
            if (applied.Contains(name))
            {
                continue;
            }

            await connection.ExecuteAsync(Command(sql, null, transaction, cancellationToken));
            await connection.ExecuteAsync(Command(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (@name, @at::timestamp)",
                new { name, at = CkanTime.ToStorage(CkanTime.UtcNow()) },
                transaction,
                cancellationToken));
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
        var exists = await connection.ExecuteScalarAsync<bool>(Command(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", null, null, cancellationToken));
        if (!exists)
        {
            return null;
        }

        return await connection.ExecuteScalarAsync<string?>(Command(
            "SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1", null, null, cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>One TRUNCATE of every catalog table, so foreign keys between them need no ordering.</remarks>
    public async Task CleanAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = await PostgresCatalogStore.BeginWriteAsync(connection, cancellationToken);
        var tables = (await connection.QueryAsync<string>(Command(
                """
                SELECT quote_ident(tablename) FROM pg_tables
                WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'
                """,
                null,
                transaction,
                cancellationToken)))
            .AsList();
        if (tables.Count > 0)
        {
            await connection.ExecuteAsync(Command(
                $"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY", null, transaction, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        store.MarkChanged();
    }

    private static CommandDefinition Command(
        string sql,
        object? parameters,
        Npgsql.NpgsqlTransaction? transaction,
        CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
