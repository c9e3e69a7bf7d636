using Ckan.Tests.Shared;
using Npgsql;

namespace Ckan.Cli.Tests.Plugins;

public sealed class SpatialQueryCliPluginTests
{
    [Fact]
    public async Task Initdb_needs_postgresql_catalog()
    {
        using var site = new CliSite();
        File.AppendAllText(site.ConfigPath, "ckan.plugins = spatial_query\n");

        var run = await site.RunAsync("spatial", "initdb");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("needs the catalog on PostgreSQL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initdb_creates_extent_table()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = await PostgresTestCluster.CreateDatabaseAsync(required: false, cancellationToken);
        try
        {
            using var site = new CliSite();
            var ini = File.ReadAllLines(site.ConfigPath)
                .Select(line => line.StartsWith("sqlalchemy.url", StringComparison.Ordinal) ? "sqlalchemy.url = " + url : line)
                .Append("ckan.plugins = spatial_query");
            File.WriteAllLines(site.ConfigPath, ini);
            var upgrade = await site.RunAsync("db", "upgrade");

            var first = await site.RunAsync("spatial", "initdb");
            var second = await site.RunAsync("spatial", "initdb");

            Assert.Equal(0, upgrade.ExitCode);
            Assert.Equal(0, first.ExitCode);
            Assert.Equal("Recorded the extents of 0 datasets in package_extent.\n", first.Output);
            Assert.Equal(0, second.ExitCode);
            Assert.True(await TableExistsAsync(url, cancellationToken));
        }
        finally
        {
            await PostgresTestCluster.DropDatabaseAsync(url);
        }
    }

    private static async Task<bool> TableExistsAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Ckan.Storage.Postgres.PostgresUrl.ToConnectionString(url));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT to_regclass('package_extent') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
