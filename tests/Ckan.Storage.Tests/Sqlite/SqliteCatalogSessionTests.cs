using Microsoft.Data.Sqlite;

namespace Ckan.Storage.Tests.Sqlite;

/// <summary>Runs the catalog session tests on the SQLite catalog, each on its own new database file.</summary>
public sealed class SqliteCatalogSessionTests : CatalogSessionTests
{
    [Fact]
    public async Task Rejects_second_active_user_with_same_email()
    {
        await InsertUsersAsync(NewUser("first-owner", "shared@example.org"));

        var error = await Assert.ThrowsAsync<SqliteException>(
            () => InsertUsersAsync(NewUser("second-owner", "shared@example.org")));

        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
    }

    private protected override async Task<ITemporaryCatalog> CreateCatalogAsync(CancellationToken cancellationToken) =>
        await TemporaryCatalog.CreateAsync(cancellationToken);
}
