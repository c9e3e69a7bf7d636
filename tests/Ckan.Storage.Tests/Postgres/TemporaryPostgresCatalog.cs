using Ckan.Core.Catalog;
using Ckan.Storage.Postgres;
using Ckan.Tests.Shared;
using Dapper;
using Npgsql;

namespace Ckan.Storage.Tests.Postgres;

/// <summary>
/// A PostgreSQL catalog in a new database of the test cluster, dropped on dispose. Raw SQL helpers reach
/// the rows and tables that the catalog interfaces do not expose.
/// </summary>
internal sealed class TemporaryPostgresCatalog : ITemporaryCatalog
{
    private TemporaryPostgresCatalog(string url)
    {
        Url = url;
        ConnectionString = PostgresUrl.ToConnectionString(url);
        Store = new PostgresCatalogStore(ConnectionString);
        Migrator = new PostgresMigrator(Store);
    }

    /// <summary>The database's SQLAlchemy URL.</summary>
    public string Url { get; }

    public string ConnectionString { get; }

    public PostgresCatalogStore Store { get; }

    ICatalogStore ITemporaryCatalog.Store => Store;

    public ICatalogMigrator Migrator { get; }

    /// <summary>Creates a database without any table.</summary>
    public static async Task<TemporaryPostgresCatalog> CreateEmptyAsync(CancellationToken cancellationToken) =>
        new(await PostgresTestCluster.CreateDatabaseAsync(required: false, cancellationToken));

    /// <summary>Creates a database with every migration applied.</summary>
    public static async Task<TemporaryPostgresCatalog> CreateAsync(CancellationToken cancellationToken)
    {
        var catalog = await CreateEmptyAsync(cancellationToken);
        await catalog.Migrator.UpgradeAsync(cancellationToken);
        return catalog;
    }

    public async Task<long> ScalarAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> QueryTextAsync(
        string sql,
        object? parameters,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken) =>
        QueryTextAsync(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
            null,
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await PostgresTestCluster.DropDatabaseAsync(Url);
    }

    private async Task<NpgsqlConnection> OpenRawConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
