using System.Globalization;
using Ckan.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ckan.DataStore.Tests.Support;

/// <summary>
/// A portal with the datastore plugin on one backend, shared by the tests of one class (each test makes
/// its own datasets and tables). <see cref="Portal"/> skips the test when the backend's server is not
/// available.
/// </summary>
public abstract class DataStorePortal : IAsyncLifetime
{
    /// <summary>Milliseconds a DataStore statement may run in these portals.</summary>
    public const int TimeoutMilliseconds = 3000;

    /// <summary>The largest number of rows a search or SQL query returns in these portals.</summary>
    public const int RowsMax = 500;

    private TestPortal? _portal;

    /// <summary>The running portal.</summary>
    public TestPortal Portal
    {
        get
        {
            if (_portal is null)
            {
                Assert.Skip("CKAN_TEST_POSTGRES is not set, so the PostgreSQL DataStore is not tested.");
            }

            return _portal;
        }
    }

    /// <summary>The store the portal uses.</summary>
    public IDataStore Store => Portal.AppServices.GetRequiredService<IDataStore>();

    public async ValueTask InitializeAsync()
    {
        var options = await BackendOptionsAsync(CancellationToken.None);
        if (options is null)
        {
            return;
        }

        options["ckan.plugins"] = "datastore";
        options["ckan.datastore.sqlsearch.enabled"] = "true";
        options["ckan.datastore.query_timeout"] = TimeoutMilliseconds.ToString(CultureInfo.InvariantCulture);
        options["ckan.datastore.search.rows_max"] = RowsMax.ToString(CultureInfo.InvariantCulture);
        _portal = await TestPortal.StartAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        await DisposeBackendAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Returns the backend's ckan.ini options, or null when its server is unavailable.</summary>
    protected abstract Task<Dictionary<string, string>?> BackendOptionsAsync(CancellationToken cancellationToken);

    /// <summary>Releases what the backend made for the tests.</summary>
    protected abstract ValueTask DisposeBackendAsync();
}

/// <summary>A portal on the embedded SQLite DataStore (its file beside the catalog).</summary>
public sealed class SqliteDataStorePortal : DataStorePortal
{
    protected override Task<Dictionary<string, string>?> BackendOptionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Dictionary<string, string>?>(new Dictionary<string, string>(StringComparer.Ordinal));

    protected override ValueTask DisposeBackendAsync() => ValueTask.CompletedTask;
}

/// <summary>A portal on a PostgreSQL DataStore database of its own, with write and read-only roles.</summary>
public sealed class PostgresDataStorePortal : DataStorePortal
{
    private PostgresTestDatabase? _database;

    /// <summary>The database behind the portal.</summary>
    public PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("No database.");

    protected override async Task<Dictionary<string, string>?> BackendOptionsAsync(CancellationToken cancellationToken)
    {
        var adminUrl = PostgresTestDatabase.AdminUrl();
        if (adminUrl is null)
        {
            return null;
        }

        _database = await PostgresTestDatabase.CreateAsync(adminUrl, cancellationToken);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ckan.datastore.write_url"] = _database.WriteUrl,
            ["ckan.datastore.read_url"] = _database.ReadUrl,
        };
    }

    protected override async ValueTask DisposeBackendAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
