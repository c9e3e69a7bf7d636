namespace Ckan.Storage.Tests.Postgres;

/// <summary>
/// Runs the catalog session tests on the PostgreSQL catalog, each in its own new database of the
/// cluster named by <c>CKAN_TEST_POSTGRES</c>.
/// </summary>
public sealed class PostgresCatalogSessionTests : CatalogSessionTests
{
    private protected override async Task<ITemporaryCatalog> CreateCatalogAsync(CancellationToken cancellationToken) =>
        await TemporaryPostgresCatalog.CreateAsync(cancellationToken);
}
