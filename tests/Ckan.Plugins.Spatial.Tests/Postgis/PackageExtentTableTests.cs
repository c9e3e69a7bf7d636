using System.Text.Json.Nodes;
using Ckan.Plugins.Spatial.Postgis;
using Ckan.Plugins.Spatial.Tests.Support;
using Ckan.Tests.Shared;
using Ckan.Web.Tests.Support;
using Npgsql;

namespace Ckan.Plugins.Spatial.Tests.Postgis;

/// <summary>The package_extent table on a PostgreSQL catalog; needs <c>CKAN_TEST_POSTGRES</c>.</summary>
public sealed class PackageExtentTableTests
{
    private const string Paris = """{"type":"Point","coordinates":[2.35,48.86]}""";

    [Fact]
    public async Task Initialize_records_existing_extents()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = await PostgresTestCluster.CreateDatabaseAsync(required: false, cancellationToken);
        try
        {
            await using (var portal = await StartAsync(url, "solr-bbox", cancellationToken))
            {
                await SpatialDatasets.CreateAsync(portal, cancellationToken);
            }

            var table = new PackageExtentTable(Ckan.Storage.Postgres.PostgresUrl.ToConnectionString(url));
            var first = await table.InitializeAsync(cancellationToken);
            var second = await table.InitializeAsync(cancellationToken);

            var withExtent = SpatialDatasets.All.Count(dataset => dataset.GeoJson is not null);
            Assert.Equal((withExtent, 0), first);
            Assert.Equal((withExtent, 0), second);
            Assert.Equal(withExtent, await CountAsync(url, cancellationToken));
        }
        finally
        {
            await PostgresTestCluster.DropDatabaseAsync(url);
        }
    }

    [Fact]
    public async Task Extent_follows_dataset_changes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = await PostgresTestCluster.CreateDatabaseAsync(required: false, cancellationToken);
        try
        {
            await using var portal = await StartAsync(url, "postgis", cancellationToken);
            await new PackageExtentTable(Ckan.Storage.Postgres.PostgresUrl.ToConnectionString(url))
                .InitializeAsync(cancellationToken);
            var organization = Names.Unique("org");
            await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
            var name = Names.Unique("paris");
            var created = await portal.ArrangeAsync("package_create", Dataset(name, organization, Paris), cancellationToken);
            var id = created!["id"]!.GetValue<string>();
            var afterCreate = await CountAsync(url, cancellationToken);

            await portal.ArrangeAsync(
                "package_update",
                new JsonObject { ["name"] = name, ["id"] = id, ["owner_org"] = organization },
                cancellationToken);
            var afterRemoval = await CountAsync(url, cancellationToken);
            await portal.ArrangeAsync("package_update", Dataset(name, organization, Paris, id), cancellationToken);
            var afterRestore = await CountAsync(url, cancellationToken);
            await portal.ArrangeAsync("package_delete", new JsonObject { ["id"] = id }, cancellationToken);
            var afterDelete = await CountAsync(url, cancellationToken);

            Assert.Equal(1, afterCreate);
            Assert.Equal(0, afterRemoval);
            Assert.Equal(1, afterRestore);
            Assert.Equal(0, afterDelete);
        }
        finally
        {
            await PostgresTestCluster.DropDatabaseAsync(url);
        }
    }

    [Fact]
    public async Task Postgis_matches_geometry_not_bounding_box()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = await PostgresTestCluster.CreateDatabaseAsync(required: false, cancellationToken);
        try
        {
            // The diagonal's bounding box covers the query box's corner, but the line passes far from it.
            const string Diagonal = """{"type":"LineString","coordinates":[[0,0],[10,10]]}""";
            await using var portal = await StartAsync(url, "postgis", cancellationToken);
            await new PackageExtentTable(Ckan.Storage.Postgres.PostgresUrl.ToConnectionString(url))
                .InitializeAsync(cancellationToken);
            var organization = Names.Unique("org");
            await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
            await portal.ArrangeAsync(
                "package_create", Dataset(Names.Unique("diagonal"), organization, Diagonal), cancellationToken);

            var away = await portal.GetAsync(
                "/api/3/action/package_search?ext_bbox=8,0,10,2", cancellationToken: cancellationToken);
            var across = await portal.GetAsync(
                "/api/3/action/package_search?ext_bbox=4,4,6,6", cancellationToken: cancellationToken);

            Assert.Equal(0, away.Result!["count"]!.GetValue<int>());
            Assert.Equal(1, across.Result!["count"]!.GetValue<int>());
        }
        finally
        {
            await PostgresTestCluster.DropDatabaseAsync(url);
        }
    }

    [Fact]
    public async Task Search_without_table_names_initdb()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = await PostgresTestCluster.CreateDatabaseAsync(required: false, cancellationToken);
        try
        {
            await using var portal = await StartAsync(url, "postgis", cancellationToken);

            var search = await portal.GetAsync(
                "/api/3/action/package_search?ext_bbox=0,0,1,1", cancellationToken: cancellationToken);

            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, search.Status);
            Assert.Contains("ckan spatial initdb", search.Error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            await PostgresTestCluster.DropDatabaseAsync(url);
        }
    }

    private static Task<TestPortal> StartAsync(string url, string backend, CancellationToken cancellationToken) =>
        TestPortal.StartAsync(
            new Dictionary<string, string>
            {
                ["sqlalchemy.url"] = url,
                ["ckan.plugins"] = "spatial_metadata spatial_query",
                ["ckanext.spatial.search_backend"] = backend,
            },
            cancellationToken);

    private static JsonObject Dataset(string name, string organization, string spatial, string? id = null)
    {
        var dataset = new JsonObject
        {
            ["name"] = name,
            ["owner_org"] = organization,
            ["extras"] = new JsonArray(new JsonObject { ["key"] = "spatial", ["value"] = spatial }),
        };
        if (id is not null)
        {
            dataset["id"] = id;
        }

        return dataset;
    }

    private static async Task<long> CountAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Ckan.Storage.Postgres.PostgresUrl.ToConnectionString(url));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM package_extent", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
