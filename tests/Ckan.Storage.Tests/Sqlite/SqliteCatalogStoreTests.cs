using Ckan.Core.Model;
using Ckan.Storage.Sqlite;

namespace Ckan.Storage.Tests.Sqlite;

public sealed class SqliteCatalogStoreTests
{
    [Fact]
    public void Path_from_url_with_three_slashes_is_relative()
    {
        var path = SqliteCatalogStore.PathFromUrl("sqlite:///data/ckan.db");

        Assert.Equal("data/ckan.db", path);
    }

    [Fact]
    public void Path_from_url_with_four_slashes_is_absolute()
    {
        var path = SqliteCatalogStore.PathFromUrl("sqlite:////var/lib/ckan/ckan.db");

        Assert.Equal("/var/lib/ckan/ckan.db", path);
    }

    [Theory]
    [InlineData("postgresql://ckan:secret@localhost/ckan")]
    [InlineData("sqlite://ckan.db")]
    [InlineData("sqlite:///")]
    [InlineData("")]
    public void Path_from_url_rejects_other_urls(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => SqliteCatalogStore.PathFromUrl(url));

        Assert.Contains("sqlite:///", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_creates_missing_folder()
    {
        await using var catalog = TemporaryCatalog.CreateEmpty();
        var path = Path.Combine(catalog.Folder, "nested", "deeper", "catalog.db");

        var store = new SqliteCatalogStore(path);

        Assert.True(File.Exists(path));
        Assert.Equal(Path.GetFullPath(path), store.DatabasePath);
    }

    [Fact]
    public async Task Write_session_commit_keeps_rows()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        var package = NewPackage("committed-dataset");

        await using (var session = await catalog.Store.OpenSessionAsync(write: true, token))
        {
            await session.InsertPackageAsync(package, token);
            await session.CommitAsync(token);
        }

        var stored = await catalog.ReadAsync(session => session.GetPackageAsync(package.Id, token), token);
        Assert.NotNull(stored);
    }

    [Fact]
    public async Task Write_session_disposed_without_commit_rolls_back()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        var package = NewPackage("rolled-back-dataset");

        await using (var session = await catalog.Store.OpenSessionAsync(write: true, token))
        {
            await session.InsertPackageAsync(package, token);
            await session.SaveResourcesAsync(package.Id, [NewResource(package.Id)], token);
        }

        var stored = await catalog.ReadAsync(session => session.GetPackageAsync(package.Id, token), token);
        Assert.Null(stored);
        Assert.Equal(0, await catalog.ScalarAsync("SELECT count(*) FROM resource", null, token));
    }

    [Fact]
    public async Task Change_version_increments_on_commit()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        var before = await SettledVersionAsync(catalog.Store, token);

        await using (var session = await catalog.Store.OpenSessionAsync(write: true, token))
        {
            await session.InsertPackageAsync(NewPackage("versioned-dataset"), token);
            await session.CommitAsync(token);
        }

        // The poll may also count the commit as a data_version change, so the version can move by two.
        Assert.True(catalog.Store.ChangeVersion > before, "ChangeVersion did not change after a commit");
    }

    [Fact]
    public async Task Change_version_stays_after_rollback()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        var before = await SettledVersionAsync(catalog.Store, token);

        await using (var session = await catalog.Store.OpenSessionAsync(write: true, token))
        {
            await session.InsertPackageAsync(NewPackage("abandoned-dataset"), token);
        }

        Assert.Equal(before, catalog.Store.ChangeVersion);
    }

    [Fact]
    public async Task Change_version_stays_after_read_session_commit()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        var before = await SettledVersionAsync(catalog.Store, token);

        await using (var session = await catalog.Store.OpenSessionAsync(write: false, token))
        {
            await session.GetPackageAsync("anything", token);
            await session.CommitAsync(token);
        }

        Assert.Equal(before, catalog.Store.ChangeVersion);
    }

    [Fact]
    public async Task Committed_session_reads_its_own_rows()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        var package = NewPackage("read-after-commit");
        await using var session = await catalog.Store.OpenSessionAsync(write: true, token);
        await session.InsertPackageAsync(package, token);
        await session.CommitAsync(token);

        var stored = await session.GetPackageAsync(package.Name, token);

        Assert.Equal(package.Id, stored?.Id);
    }

    [Fact]
    public async Task Read_session_sees_rows_committed_by_another_session()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        var package = NewPackage("shared-dataset");
        await using var reader = await catalog.Store.OpenSessionAsync(write: false, token);

        await catalog.WriteAsync(session => session.InsertPackageAsync(package, token), token);

        var stored = await reader.GetPackageAsync(package.Id, token);
        Assert.NotNull(stored);
    }

    // The migration committed on another connection, which the 50 ms data_version poll counts once it
    // runs. Reading the version again after that interval folds the migration in before a test compares.
    private static async Task<long> SettledVersionAsync(SqliteCatalogStore store, CancellationToken token)
    {
        _ = store.ChangeVersion;
        await Task.Delay(TimeSpan.FromMilliseconds(120), token);
        return store.ChangeVersion;
    }

    private static PackageRow NewPackage(string name) => new() { Id = Guid.NewGuid().ToString(), Name = name };

    private static ResourceRow NewResource(string packageId) =>
        new() { Id = Guid.NewGuid().ToString(), PackageId = packageId, Url = "http://example.org/data.csv" };
}
