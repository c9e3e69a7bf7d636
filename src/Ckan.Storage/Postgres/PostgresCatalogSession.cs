using System.Data.Common;
using Ckan.Core.Catalog;
using Ckan.Storage.Shared;
using Ckan.Core.Errors;
using Ckan.Core.Model;
using Dapper;
using Npgsql;

namespace Ckan.Storage.Postgres;

/// <summary>
/// One pooled connection, and for writes one transaction holding the write lock, on the PostgreSQL
/// catalog. Split by aspect into partial files: datasets, groups and members, users and tokens.
/// </summary>
/// <remarks>
/// Timestamp parameters are sent as text and cast in the SQL (<c>@Created::timestamp</c>); timestamp
/// columns come back as text through <see cref="StorageTextReader"/>. Lists are passed as arrays and
/// matched with <c>= ANY(@list)</c>, since Dapper does not expand <c>IN @list</c> for Npgsql.
/// </remarks>
internal sealed partial class PostgresCatalogSession(
    PostgresCatalogStore store,
    NpgsqlConnection connection,
    NpgsqlTransaction? transaction) : SqlCatalogSession, ICatalogSession
{
    // Cleared on commit: later reads in the same session run outside the finished transaction.
    private NpgsqlTransaction? _transaction = transaction;

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

    private static string[] ToArray(IEnumerable<string> values) => values as string[] ?? values.ToArray();

    protected override async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql,
        object? parameters,
        CancellationToken cancellationToken)
    {
        await using var inner = await connection.ExecuteReaderAsync(Command(sql, parameters, cancellationToken));
        await using var reader = new StorageTextReader((DbDataReader)inner);
        // The untyped parser, because Dapper's typed one fails to cast for single-column results.
        var parse = reader.GetRowParser(typeof(T));
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((T)parse(reader));
        }

        return rows;
    }

    protected override async Task<T?> QuerySingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
        where T : default
    {
        var rows = await QueryAsync<T>(sql, parameters, cancellationToken);
        return rows.Count == 0 ? default : rows[0];
    }

    private Task<T?> ScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken));

    protected override async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation
            && ToValidationError(exception.ConstraintName, parameters) is { } error)
        {
            throw error;
        }
    }

    // The actions check names and emails before writing, under the write lock. A writer that skips the
    // lock (CKAN itself, psql) can still take a name in between, and then the loser gets the same
    // validation error as the check gives, not a unique-index violation and a 500.
    private static ValidationException? ToValidationError(string? constraint, object? parameters) =>
        constraint switch
        {
            "package_name_key" => ValidationException.ForField("name", "That URL is already in use."),
            "group_name_key" => ValidationException.ForField("name", "Group name already exists in database"),
            "user_name_key" => ValidationException.ForField("name", "That login name is not available."),
            "idx_only_one_active_email" when parameters is UserRow user => ValidationException.ForField(
                "email",
                $"The email address '{user.Email}' belongs to a registered user."),
            _ => null,
        };

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);
}
