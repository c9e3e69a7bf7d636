using Ckan.Core.Errors;
using Ckan.Core.Model;
using Ckan.Storage.Postgres;

namespace Ckan.Storage.Tests.Postgres;

/// <summary>
/// Transactions, the write lock and the change version of the PostgreSQL store, each test in its own
/// database of the cluster named by <c>CKAN_TEST_POSTGRES</c>.
/// </summary>
public sealed class PostgresCatalogStoreTests : IAsyncLifetime
{
    private TemporaryPostgresCatalog? _catalog;

    private TemporaryPostgresCatalog Catalog =>
        _catalog ?? throw new InvalidOperationException("The catalog is created in InitializeAsync.");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _catalog = await TemporaryPostgresCatalog.CreateAsync(Token);

    public async ValueTask DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }
    }

    [Fact]
    public async Task Change_version_sees_commit_by_another_store()
    {
        await using var other = new PostgresCatalogStore(Catalog.ConnectionString);
        var before = await SettledVersionAsync();

        await using (var session = await other.OpenSessionAsync(write: true, Token))
        {
            await session.InsertUserAsync(NewUser("written-elsewhere"), Token);
            await session.CommitAsync(Token);
        }

        Assert.True(await WaitForChangeAsync(before), "a commit by another store did not change ChangeVersion");
    }

    [Fact]
    public async Task Change_version_sees_write_by_plain_sql()
    {
        var before = await SettledVersionAsync();

        await Catalog.ExecuteAsync(
            "INSERT INTO vocabulary (id, name) VALUES (@id, 'countries')", new { id = NewId() }, Token);

        Assert.True(await WaitForChangeAsync(before), "an INSERT outside the store did not change ChangeVersion");
    }

    [Fact]
    public async Task Rolled_back_session_leaves_no_row()
    {
        await using (var session = await Catalog.Store.OpenSessionAsync(write: true, Token))
        {
            await session.InsertUserAsync(NewUser("never-committed"), Token);
        }

        Assert.Equal(0, await Catalog.ScalarAsync("SELECT count(*) FROM \"user\"", null, Token));
    }

    [Fact]
    public async Task Second_write_session_waits_for_the_first()
    {
        await using var first = await Catalog.Store.OpenSessionAsync(write: true, Token);
        await first.InsertUserAsync(NewUser("first-writer"), Token);

        var second = Catalog.Store.OpenSessionAsync(write: true, Token);
        await Task.Delay(300, Token);
        var waitedForFirst = !second.IsCompleted;
        await first.CommitAsync(Token);
        await using var secondSession = await second;
        var seen = await secondSession.GetUserAsync("first-writer", Token);

        Assert.True(waitedForFirst, "the second write session started while the first held the write lock");
        Assert.NotNull(seen);
    }

    [Fact]
    public async Task Read_session_does_not_wait_for_a_writer()
    {
        await using var writer = await Catalog.Store.OpenSessionAsync(write: true, Token);
        await writer.InsertUserAsync(NewUser("uncommitted"), Token);

        await using var reader = await Catalog.Store.OpenSessionAsync(write: false, Token);
        var seen = await reader.GetUserAsync("uncommitted", Token);

        Assert.Null(seen);
    }

    [Fact]
    public async Task Duplicate_user_name_raises_validation_error()
    {
        await Catalog.WriteAsync(session => session.InsertUserAsync(NewUser("taken-name"), Token), Token);

        var error = await Assert.ThrowsAsync<ValidationException>(() => Catalog.WriteAsync(
            session => session.InsertUserAsync(NewUser("taken-name") with { Email = "other@example.org" }, Token),
            Token));

        Assert.Equal("That login name is not available.", error.Errors["name"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_active_email_raises_validation_error()
    {
        await Catalog.WriteAsync(session => session.InsertUserAsync(NewUser("first-owner"), Token), Token);

        var error = await Assert.ThrowsAsync<ValidationException>(() => Catalog.WriteAsync(
            session => session.InsertUserAsync(NewUser("second-owner") with { Email = "first-owner@example.org" }, Token),
            Token));

        Assert.Equal(
            "The email address 'first-owner@example.org' belongs to a registered user.",
            error.Errors["email"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_dataset_name_raises_validation_error()
    {
        var first = new PackageRow { Id = NewId(), Name = "taken-dataset" };
        await Catalog.WriteAsync(session => session.InsertPackageAsync(first, Token), Token);

        var error = await Assert.ThrowsAsync<ValidationException>(() => Catalog.WriteAsync(
            session => session.InsertPackageAsync(first with { Id = NewId() }, Token),
            Token));

        Assert.Equal("That URL is already in use.", error.Errors["name"]![0]!.GetValue<string>());
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static UserRow NewUser(string name) => new()
    {
        Id = NewId(),
        Name = name,
        Email = name + "@example.org",
        Created = "2024-01-01T00:00:00.000000",
    };

    // The listener connects in the background and counts its connection as a change, so a test first waits
    // for that count to arrive before it takes the version to compare with.
    private async Task<long> SettledVersionAsync()
    {
        var version = Catalog.Store.ChangeVersion;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(100, Token);
            var next = Catalog.Store.ChangeVersion;
            if (next == version && attempt >= 5)
            {
                return version;
            }

            version = next;
        }

        return version;
    }

    private async Task<bool> WaitForChangeAsync(long before)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Catalog.Store.ChangeVersion != before)
            {
                return true;
            }

            await Task.Delay(50, Token);
        }

        return false;
    }
}
