using System.Globalization;
using Ckan.Core.Catalog;
using Ckan.Core.Model;

namespace Ckan.Storage.Tests;

/// <summary>
/// Tests of a catalog session through <see cref="ICatalogSession"/>, each on its own new database; every
/// backend runs them through a subclass. Split by aspect: datasets, search, groups and members, users
/// and tokens.
/// </summary>
public abstract partial class CatalogSessionTests : IAsyncLifetime
{
    private ITemporaryCatalog? _catalog;

    private ITemporaryCatalog Catalog =>
        _catalog ?? throw new InvalidOperationException("The catalog is created in InitializeAsync.");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _catalog = await CreateCatalogAsync(Token);

    public async ValueTask DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }
    }

    /// <summary>Creates a new, migrated catalog for one test.</summary>
    private protected abstract Task<ITemporaryCatalog> CreateCatalogAsync(CancellationToken cancellationToken);

    private static string NewId() => Guid.NewGuid().ToString();

    /// <summary>Returns a timestamp in storage form, <paramref name="minute"/> minutes after a fixed start.</summary>
    private static string Timestamp(int minute) =>
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)
            .AddMinutes(minute)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static PackageRow NewPackage(string name, int modifiedMinute = 0) => new()
    {
        Id = NewId(),
        Name = name,
        Title = name,
        MetadataCreated = Timestamp(modifiedMinute),
        MetadataModified = Timestamp(modifiedMinute),
    };

    private static ResourceRow NewResource(string packageId, int position, string? url = null) => new()
    {
        Id = NewId(),
        PackageId = packageId,
        Url = url ?? $"http://example.org/file-{position}.csv",
        Position = position,
    };

    private static GroupRow NewGroup(string name, string? title = null) => new()
    {
        Id = NewId(),
        Name = name,
        Title = title ?? name,
        Type = "group",
        Created = Timestamp(0),
    };

    private static GroupRow NewOrganization(string name, string? title = null) =>
        NewGroup(name, title) with { Type = "organization", IsOrganization = true };

    private protected static UserRow NewUser(string name, string? email = null, string? fullname = null) => new()
    {
        Id = NewId(),
        Name = name,
        Email = email ?? name + "@example.org",
        Fullname = fullname,
        Created = Timestamp(0),
    };

    private static MemberRow NewMember(GroupRow group, string tableName, string tableId, string capacity) => new()
    {
        Id = NewId(),
        TableName = tableName,
        TableId = tableId,
        Capacity = capacity,
        GroupId = group.Id,
    };

    private Task WriteAsync(Func<ICatalogSession, Task> write) => Catalog.WriteAsync(write, Token);

    private Task<T> ReadAsync<T>(Func<ICatalogSession, Task<T>> read) => Catalog.ReadAsync(read, Token);

    private Task InsertPackagesAsync(params PackageRow[] packages) =>
        WriteAsync(async session =>
        {
            foreach (var package in packages)
            {
                await session.InsertPackageAsync(package, Token);
            }
        });

    private Task InsertGroupsAsync(params GroupRow[] groups) =>
        WriteAsync(async session =>
        {
            foreach (var group in groups)
            {
                await session.InsertGroupAsync(group, Token);
            }
        });

    private protected Task InsertUsersAsync(params UserRow[] users) =>
        WriteAsync(async session =>
        {
            foreach (var user in users)
            {
                await session.InsertUserAsync(user, Token);
            }
        });

    private Task<long> CountRowsAsync(string sql, object? parameters = null) =>
        Catalog.ScalarAsync(sql, parameters, Token);
}
