using Ckan.Plugins.Spatial.Postgis;
using Ckan.Storage.Postgres;
using Ckan.Tests.Shared;
using Ckan.Web.Tests.Support;

namespace Ckan.Plugins.Spatial.Tests.Support;

/// <summary>
/// A portal with both spatial plugins and <see cref="SpatialDatasets"/>, on one search backend. The PostGIS
/// backend needs the cluster of <c>CKAN_TEST_POSTGRES</c>: without it its tests are skipped, or fail
/// under <c>CI=true</c>.
/// </summary>
public abstract class SpatialPortalFixture(string backend) : IAsyncLifetime
{
    private string? _postgresUrl;

    public TestPortal Portal { get; private set; } = null!;

    /// <summary>The dataset names by title.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = null!;

    /// <summary>The catalog's connection string on PostgreSQL, or null on SQLite.</summary>
    public string? ConnectionString => _postgresUrl is null ? null : PostgresUrl.ToConnectionString(_postgresUrl);

    /// <summary>Why the fixture could not start, for tests to skip with; null when it started.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var options = new Dictionary<string, string>
        {
            ["ckan.plugins"] = "spatial_metadata spatial_query",
            ["ckanext.spatial.search_backend"] = backend,
        };
        if (backend == "postgis")
        {
            var isCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresTestCluster.Variable)) && !isCi)
            {
                Unavailable = $"{PostgresTestCluster.Variable} is not set, so the PostGIS backend cannot be tested.";
                return;
            }

            _postgresUrl = await PostgresTestCluster.CreateDatabaseAsync(required: true, CancellationToken.None);
            options["sqlalchemy.url"] = _postgresUrl;
        }

        Portal = await TestPortal.StartAsync(options, CancellationToken.None);
        if (ConnectionString is { } connectionString)
        {
            await new PackageExtentTable(connectionString).InitializeAsync(CancellationToken.None);
        }

        Names = await SpatialDatasets.CreateAsync(Portal, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Unavailable is null)
        {
            await Portal.DisposeAsync();
        }

        if (_postgresUrl is not null)
        {
            await PostgresTestCluster.DropDatabaseAsync(_postgresUrl);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The spatial portal on the search index backend (solr-bbox).</summary>
public sealed class IndexBackendFixture() : SpatialPortalFixture("solr-bbox");

/// <summary>The spatial portal on the PostGIS backend.</summary>
public sealed class PostgisBackendFixture() : SpatialPortalFixture("postgis");
