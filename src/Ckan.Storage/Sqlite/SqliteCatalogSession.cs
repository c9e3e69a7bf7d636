using Ckan.Core.Catalog;
using Ckan.Storage.Shared;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ckan.Storage.Sqlite;

/// <summary>
/// One connection, and for writes one transaction, on the SQLite catalog. Split by aspect into partial
/// files: datasets, groups and members, users and tokens.
/// </summary>
internal sealed partial class SqliteCatalogSession(
    SqliteCatalogStore store,
    SqliteConnection connection,
    SqliteTransaction? transaction) : SqlCatalogSession, ICatalogSession
{
    // Cleared on commit: later reads in the same session run outside the finished transaction.
    private SqliteTransaction? _transaction = transaction;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is null)
        {
            return;
        }

        await _transaction.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
        store.MarkChanged();
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    private static string NewId() => Guid.NewGuid().ToString();

    protected override async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));
        return rows.AsList();
    }

    protected override Task<T?> QuerySingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
        where T : default =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    private Task<T?> ScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken));

    protected override Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);
}
