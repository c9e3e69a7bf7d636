namespace Ckan.Storage.Tests.Postgres;

/// <summary>The PostgreSQL schema: CKAN's tables and column types, repeated upgrades and cleaning.</summary>
public sealed class PostgresMigratorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Version_of_empty_database_is_null()
    {
        await using var catalog = await TemporaryPostgresCatalog.CreateEmptyAsync(Token);

        Assert.Null(await catalog.Migrator.GetVersionAsync(Token));
    }

    [Fact]
    public async Task Upgrade_applies_each_migration_once()
    {
        await using var catalog = await TemporaryPostgresCatalog.CreateEmptyAsync(Token);

        var first = await catalog.Migrator.UpgradeAsync(Token);
        var second = await catalog.Migrator.UpgradeAsync(Token);

        Assert.Equal(["0001_core_catalog", "0002_change_notifications", "0003_showcase"], first);
        Assert.Empty(second);
        Assert.Equal("0003_showcase", await catalog.Migrator.GetVersionAsync(Token));
    }

    [Fact]
    public async Task User_table_has_ckan_column_order_and_types()
    {
        await using var catalog = await TemporaryPostgresCatalog.CreateAsync(Token);

        var columns = await catalog.QueryTextAsync(
            """
            SELECT column_name || ' ' || data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'user' ORDER BY ordinal_position
            """,
            null,
            Token);

        Assert.Equal(
            [
                "id text", "name text", "apikey text", "created timestamp without time zone", "about text",
                "password text", "fullname text", "email text", "reset_key text", "sysadmin boolean",
                "activity_streams_email_notifications boolean", "state text", "plugin_extras jsonb",
                "image_url text", "last_active timestamp without time zone",
            ],
            columns);
    }

    [Fact]
    public async Task Clean_empties_tables_and_keeps_schema()
    {
        await using var catalog = await TemporaryPostgresCatalog.CreateAsync(Token);
        await catalog.ExecuteAsync(
            """
            INSERT INTO package (id, name) VALUES ('p1', 'cleaned-dataset');
            INSERT INTO resource (id, package_id, url) VALUES ('r1', 'p1', 'http://example.org/a.csv');
            """,
            null,
            Token);
        var tablesBefore = await catalog.ListTablesAsync(Token);

        await catalog.Migrator.CleanAsync(Token);

        Assert.Equal(0, await catalog.ScalarAsync("SELECT count(*) FROM package", null, Token));
        Assert.Equal(0, await catalog.ScalarAsync("SELECT count(*) FROM resource", null, Token));
        Assert.Equal(tablesBefore, await catalog.ListTablesAsync(Token));
        Assert.Equal("0003_showcase", await catalog.Migrator.GetVersionAsync(Token));
    }
}
