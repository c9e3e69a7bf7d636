using Ckan.Core.Model;

namespace Ckan.Storage.Tests.Sqlite;

public sealed class SqliteMigratorTests
{
    private static readonly string[] CkanTables =
    [
        "api_token", "group", "group_extra", "member", "package", "package_extra", "package_member",
        "package_relationship", "package_tag", "resource", "resource_view", "system_info", "tag",
        "task_status", "user", "vocabulary",
    ];

    [Fact]
    public async Task Upgrade_creates_ckan_tables()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = TemporaryCatalog.CreateEmpty();

        var applied = await catalog.Migrator.UpgradeAsync(token);

        Assert.NotEmpty(applied);
        var tables = await catalog.ListTablesAsync(token);
        foreach (var table in CkanTables)
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public async Task Upgrade_creates_ckan_columns_of_package()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = TemporaryCatalog.CreateEmpty();

        await catalog.Migrator.UpgradeAsync(token);

        var columns = await catalog.QueryTextAsync("SELECT name FROM pragma_table_info('package')", null, token);
        string[] expected =
        [
            "id", "name", "title", "version", "url", "author", "author_email", "maintainer", "maintainer_email",
            "notes", "license_id", "type", "owner_org", "creator_user_id", "metadata_created",
            "metadata_modified", "private", "state", "plugin_data",
        ];
        Assert.Equal(expected, columns);
    }

    [Fact]
    public async Task Second_upgrade_applies_nothing()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = TemporaryCatalog.CreateEmpty();
        await catalog.Migrator.UpgradeAsync(token);

        var applied = await catalog.Migrator.UpgradeAsync(token);

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Version_is_null_before_first_upgrade()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = TemporaryCatalog.CreateEmpty();

        var version = await catalog.Migrator.GetVersionAsync(token);

        Assert.Null(version);
    }

    [Fact]
    public async Task Version_is_newest_applied_migration()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = TemporaryCatalog.CreateEmpty();
        var applied = await catalog.Migrator.UpgradeAsync(token);

        var version = await catalog.Migrator.GetVersionAsync(token);

        Assert.Equal(applied[^1], version);
    }

    [Fact]
    public async Task Upgrade_records_each_migration_once()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = TemporaryCatalog.CreateEmpty();
        var applied = await catalog.Migrator.UpgradeAsync(token);
        await catalog.Migrator.UpgradeAsync(token);

        var recorded = await catalog.QueryTextAsync("SELECT name FROM schema_migrations ORDER BY name", null, token);

        Assert.Equal(applied, recorded);
    }

    [Fact]
    public async Task Clean_deletes_rows_of_every_table()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        await WriteLinkedRowsAsync(catalog, token);

        await catalog.Migrator.CleanAsync(token);

        foreach (var table in CkanTables)
        {
            var rows = await catalog.ScalarAsync($"SELECT count(*) FROM \"{table}\"", null, token);
            Assert.True(rows == 0, $"Table {table} still has {rows} rows after clean.");
        }
    }

    [Fact]
    public async Task Clean_keeps_schema_and_version()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        await WriteLinkedRowsAsync(catalog, token);
        var tablesBefore = await catalog.ListTablesAsync(token);
        var versionBefore = await catalog.Migrator.GetVersionAsync(token);

        await catalog.Migrator.CleanAsync(token);

        Assert.Equal(tablesBefore, await catalog.ListTablesAsync(token));
        Assert.Equal(versionBefore, await catalog.Migrator.GetVersionAsync(token));
        Assert.Empty(await catalog.Migrator.UpgradeAsync(token));
    }

    [Fact]
    public async Task Cleaned_catalog_accepts_new_rows()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = await TemporaryCatalog.CreateAsync(token);
        await WriteLinkedRowsAsync(catalog, token);
        await catalog.Migrator.CleanAsync(token);

        await WriteLinkedRowsAsync(catalog, token);

        Assert.Equal(1, await catalog.ScalarAsync("SELECT count(*) FROM package", null, token));
    }

    [Fact]
    public async Task Upgrade_moves_change_version()
    {
        var token = TestContext.Current.CancellationToken;
        await using var catalog = TemporaryCatalog.CreateEmpty();
        var before = catalog.Store.ChangeVersion;

        await catalog.Migrator.UpgradeAsync(token);

        Assert.NotEqual(before, catalog.Store.ChangeVersion);
    }

    private static string NewId() => Guid.NewGuid().ToString();

    // A dataset with a resource, tag and organization, and a user with a token and a membership, so
    // that clean has to delete rows that foreign keys tie together.
    private static async Task WriteLinkedRowsAsync(TemporaryCatalog catalog, CancellationToken token)
    {
        var organization = new GroupRow
        {
            Id = NewId(),
            Name = "clean-org",
            Type = "organization",
            IsOrganization = true,
        };
        var user = new UserRow { Id = NewId(), Name = "clean-user", Email = "clean@example.org" };
        var package = new PackageRow { Id = NewId(), Name = "clean-dataset", OwnerOrg = organization.Id };
        var resource = new ResourceRow { Id = NewId(), PackageId = package.Id, Url = "http://example.org/a.csv" };

        await catalog.WriteAsync(
            async session =>
            {
                await session.InsertGroupAsync(organization, token);
                await session.InsertUserAsync(user, token);
                await session.InsertPackageAsync(package, token);
                await session.SaveResourcesAsync(package.Id, [resource], token);
                await session.ReplacePackageTagsAsync(package.Id, [new TagReference("clean-tag", null)], token);
                await session.ReplacePackageExtrasAsync(package.Id, [new ExtraRow("spatial", "{}")], token);
                await session.ReplaceGroupExtrasAsync(organization.Id, [new ExtraRow("colour", "red")], token);
                await session.UpsertMemberAsync(
                    new MemberRow
                    {
                        Id = NewId(),
                        TableName = "user",
                        TableId = user.Id,
                        Capacity = "admin",
                        GroupId = organization.Id,
                    },
                    token);
                await session.InsertApiTokenAsync(
                    new ApiTokenRow
                    {
                        Id = NewId(),
                        UserId = user.Id,
                        CreatedAt = "2024-01-01T00:00:00.000000",
                    },
                    token);
            },
            token);
        await catalog.ExecuteAsync(
            """
            INSERT INTO resource_view (id, resource_id, title, view_type, "order")
            VALUES (@id, @resourceId, 'Table', 'datatables_view', 0);
            INSERT INTO package_member (package_id, user_id, capacity, modified)
            VALUES (@packageId, @userId, 'editor', '2024-01-01T00:00:00.000000');
            INSERT INTO vocabulary (id, name) VALUES (@vocabularyId, 'clean-vocabulary');
            INSERT INTO system_info (key, value) VALUES ('ckan.site_title', 'Clean');
            INSERT INTO task_status (id, entity_id, entity_type, task_type, key, value)
            VALUES (@id, @resourceId, 'resource', 'datapusher', 'job_id', '1');
            INSERT INTO package_relationship (id, subject_package_id, object_package_id, type, state)
            VALUES (@id, @packageId, @packageId, 'links_to', 'active');
            """,
            new
            {
                id = NewId(),
                resourceId = resource.Id,
                packageId = package.Id,
                userId = user.Id,
                vocabularyId = NewId(),
            },
            token);
    }
}
