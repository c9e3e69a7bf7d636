namespace Ckan.Storage.Tests.Sqlite;

/// <summary>Runs the catalog session tests on the SQLite catalog, each on its own new database file.</summary>
public sealed class SqliteCatalogSessionTests : CatalogSessionTests
{
    private protected override async Task<ITemporaryCatalog> CreateCatalogAsync(CancellationToken cancellationToken) =>
        await TemporaryCatalog.CreateAsync(cancellationToken);
}
