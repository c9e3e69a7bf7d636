using System.Data;
using Ckan.Core.Catalog;
using Dapper;
using Npgsql;

namespace Ckan.Storage.Postgres;

/// <summary>
/// The catalog in a PostgreSQL database, used by the server profile. Connections come from one pooled
/// Npgsql data source; thread safe.
/// </summary>
/// <remarks>
/// Write sessions run one at a time, as on SQLite, where a write transaction locks the file: each takes a
/// transaction-scoped advisory lock first. The actions check that names and emails are free by reading
/// before they write. With writers serialized, the loser of a race for a name gets CKAN's validation
/// error instead of a unique-index violation. Read sessions take no lock and never wait for a writer.
/// </remarks>
public sealed class PostgresCatalogStore : ICatalogStore, IAsyncDisposable, IDisposable
{
    // An arbitrary constant that names the catalog's write lock among the database's advisory locks.
    internal const long WriteLockKey = 0x636B616E_63617431;

    // How long a write session waits for the writer before it fails, as SQLite's busy timeout does.
    private const string WriteLockTimeout = "30s";

    private readonly NpgsqlDataSource _dataSource;
    // Started on the first ChangeVersion read, so CLI commands that only migrate hold no extra connection.
    private readonly Lazy<PostgresChangeListener> _listener;
    private long _changeVersion;

    static PostgresCatalogStore()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>Creates a store on the database that <paramref name="connectionString"/> names.</summary>
    public PostgresCatalogStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "ckan";

        // The sessions send the same few dozen statements over and over, so letting Npgsql prepare the
        // frequent ones saves the server a parse and plan per statement.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }
        _dataSource = builder.Build();
        Database = builder.ConnectionStringBuilder.Database ?? "";
        _listener = new Lazy<PostgresChangeListener>(() => new PostgresChangeListener(_dataSource));
    }

    /// <summary>The name of the database.</summary>
    public string Database { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Commits in this process show at once; commits by other processes (and any other client) show
    /// as soon as their notification arrives, normally within milliseconds.
    /// </remarks>
    public long ChangeVersion => Interlocked.Read(ref _changeVersion) + _listener.Value.Changes;

    /// <inheritdoc />
    public async Task<ICatalogSession> OpenSessionAsync(bool write, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (!write)
        {
            return new PostgresCatalogSession(this, connection, null);
        }

        try
        {
            var transaction = await BeginWriteAsync(connection, cancellationToken);
            return new PostgresCatalogSession(this, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the change listener and every pooled connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_listener.IsValueCreated)
        {
            await _listener.Value.DisposeAsync();
        }

        await _dataSource.DisposeAsync();
    }

    /// <summary>Closes the change listener and every pooled connection.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Starts a transaction that holds the catalog's write lock until it ends.</summary>
    internal static async Task<NpgsqlTransaction> BeginWriteAsync(
        NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"SET LOCAL lock_timeout = '{WriteLockTimeout}'; SELECT pg_advisory_xact_lock(@key)",
            new { key = WriteLockKey },
            transaction,
            cancellationToken: cancellationToken));
        return transaction;
    }

    internal void MarkChanged() => Interlocked.Increment(ref _changeVersion);
}
