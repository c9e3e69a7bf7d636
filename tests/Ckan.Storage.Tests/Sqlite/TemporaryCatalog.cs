using Ckan.Core.Catalog;
using Ckan.Storage.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ckan.Storage.Tests.Sqlite;

/// <summary>
/// A SQLite catalog in a new folder under the system temporary folder, deleted with the folder on dispose.
/// Raw SQL helpers reach the rows and tables that the catalog interfaces do not expose.
/// </summary>
internal sealed class TemporaryCatalog : ITemporaryCatalog
{
    private TemporaryCatalog(string folder)
    {
        Folder = folder;
        Store = new SqliteCatalogStore(Path.Combine(folder, "catalog.db"));
        Migrator = new SqliteMigrator(Store);
    }

    /// <summary>The folder that contains the database file.</summary>
    public string Folder { get; }

    public SqliteCatalogStore Store { get; }

    ICatalogStore ITemporaryCatalog.Store => Store;

    public ICatalogMigrator Migrator { get; }

    /// <summary>Creates a catalog file without any table.</summary>
    public static TemporaryCatalog CreateEmpty()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ckan-storage-tests-" + Guid.NewGuid().ToString("N"));
        return new TemporaryCatalog(folder);
    }

    /// <summary>Creates a catalog file with every migration applied.</summary>
    public static async Task<TemporaryCatalog> CreateAsync(CancellationToken cancellationToken)
    {
        var catalog = CreateEmpty();
        await catalog.Migrator.UpgradeAsync(cancellationToken);
        return catalog;
    }

    /// <summary>Returns the single number that <paramref name="sql"/> selects.</summary>
    public async Task<long> ScalarAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>Returns the text values of the first column that <paramref name="sql"/> selects.</summary>
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

    /// <summary>Runs a statement outside the catalog interfaces, with foreign keys enforced.</summary>
    public async Task ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>Returns the names of the tables in the database file, sorted.</summary>
    public Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken) =>
        QueryTextAsync(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            null,
            cancellationToken);

    public ValueTask DisposeAsync()
    {
        // The store pools its connections, so the pools are cleared to close the files before the folder goes.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenRawConnectionAsync(CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Store.DatabasePath,
            Pooling = false,
            ForeignKeys = true,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
