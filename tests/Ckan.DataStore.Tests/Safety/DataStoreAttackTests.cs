using System.Net;
using System.Text.Json.Nodes;
using Ckan.DataStore.Tests.Support;
using Ckan.Web.Tests.Support;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Safety;

/// <summary>
/// Attacks on datastore_search_sql and on the names and values of datastore_search, run against each
/// backend. Every attack must be rejected with CKAN's error envelope (never a 500) and leave every table as
/// it was.
/// </summary>
public abstract class DataStoreAttackTests<TPortal>(TPortal fixture) : IClassFixture<TPortal>
    where TPortal : DataStorePortal
{
    private TestPortal Portal => fixture.Portal;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A query reading the backend's own catalog of tables.</summary>
    protected abstract string CatalogQuery { get; }

    /// <summary>A query calling the backend's function that reads server files.</summary>
    protected abstract string FileReadQuery { get; }

    /// <summary>A query reaching another database.</summary>
    protected abstract string OtherDatabaseQuery { get; }

    private async Task<string> CreateVictimAsync(bool isPrivate = false)
    {
        var fields = Array(new JsonObject { ["id"] = "name", ["type"] = "text" }, new JsonObject { ["id"] = "secret", ["type"] = "text" });
        var records = Array(
            new JsonObject { ["name"] = "a", ["secret"] = "s1" },
            new JsonObject { ["name"] = "b", ["secret"] = "s2" },
            new JsonObject { ["name"] = "c", ["secret"] = "s3" });
        return await Portal.CreateTableAsync(fields, records, Token, isPrivate);
    }

    private async Task AssertIntactAsync(string id)
    {
        Assert.NotNull(await fixture.Store.FindTableAsync(id, Token));
        Assert.Equal(3, await Portal.CountRowsAsync(id, Token));
    }

    private async Task<JsonObject> RefusedSqlAsync(string sql, HttpStatusCode status, string type)
    {
        var response = await Portal.PostAsync("datastore_search_sql", new JsonObject { ["sql"] = sql }, cancellationToken: Token);
        return ApiAssert.Failure(response, status, type);
    }

    private async Task<ApiResponse> SearchAsync(JsonObject data) =>
        await Portal.PostAsync("datastore_search", data, cancellationToken: Token);

    [Fact]
    public async Task Injection_through_a_filter_value_matches_nothing()
    {
        var id = await CreateVictimAsync();

        var result = await Portal.SearchAsync(
            new JsonObject { ["resource_id"] = id, ["filters"] = new JsonObject { ["name"] = $"x' OR '1'='1'; DROP TABLE \"{id}\"; --" } }, Token);

        Assert.Empty(result["records"]!.AsArray());
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Injection_through_a_filter_column_is_refused()
    {
        var id = await CreateVictimAsync();

        var response = await SearchAsync(new JsonObject
        {
            ["resource_id"] = id,
            ["filters"] = new JsonObject { [$"name\" = 'a' OR 1=1; DROP TABLE \"{id}\"; --"] = "a" },
        });

        ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Injection_through_sort_is_refused()
    {
        var id = await CreateVictimAsync();

        var response = await SearchAsync(new JsonObject { ["resource_id"] = id, ["sort"] = $"name; DROP TABLE \"{id}\"" });

        ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Injection_through_fields_is_refused()
    {
        var id = await CreateVictimAsync();

        var response = await SearchAsync(new JsonObject { ["resource_id"] = id, ["fields"] = Array("name", $"(SELECT 1); DELETE FROM \"{id}\"") });

        ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Injection_through_q_is_only_searched_for()
    {
        var id = await CreateVictimAsync();

        var plain = await SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = $"'); DELETE FROM \"{id}\"; --" });
        var perField = await SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = new JsonObject { [$"name\"); DELETE FROM \"{id}\"; --"] = "a" } });

        ApiAssert.Status(plain, HttpStatusCode.OK);
        Assert.Empty(plain.Result!["records"]!.AsArray());
        ApiAssert.Failure(perField, HttpStatusCode.Conflict, "Validation Error");
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Injection_through_tsquery_syntax_and_language_never_fails_the_server()
    {
        var id = await CreateVictimAsync();

        var query = await SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = $"a' & '); DELETE FROM \"{id}\"", ["plain"] = false });
        var language = await SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "a", ["language"] = $"english'); DELETE FROM \"{id}\"; --" });

        Assert.Contains(query.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
        Assert.Contains(language.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_reading_the_system_catalog_is_refused()
    {
        var id = await CreateVictimAsync();

        var error = await RefusedSqlAsync(CatalogQuery, HttpStatusCode.Forbidden, "Authorization Error");

        Assert.Equal("Access denied: Not authorized to access system tables", error["message"]!.GetValue<string>());
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_joining_a_resource_with_the_system_catalog_is_refused()
    {
        var id = await CreateVictimAsync();

        await RefusedSqlAsync($"SELECT name FROM \"{id}\" UNION ALL SELECT name FROM ({CatalogQuery}) AS c", HttpStatusCode.Forbidden, "Authorization Error");

        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_writing_through_a_common_table_expression_is_refused()
    {
        var id = await CreateVictimAsync();

        var response = await Portal.PostAsync(
            "datastore_search_sql",
            new JsonObject { ["sql"] = $"WITH gone AS (DELETE FROM \"{id}\" RETURNING *) SELECT * FROM gone" },
            cancellationToken: Token);

        Assert.Contains(response.Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
        Assert.False(response.Success);
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_insert_statement_is_refused()
    {
        var id = await CreateVictimAsync();

        var response = await Portal.PostAsync(
            "datastore_search_sql", new JsonObject { ["sql"] = $"INSERT INTO \"{id}\" (name) VALUES ('x')" }, cancellationToken: Token);

        Assert.Contains(response.Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
        Assert.False(response.Success);
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_with_stacked_statements_is_refused()
    {
        var id = await CreateVictimAsync();

        var error = await RefusedSqlAsync($"SELECT 1 /* ; */ ; DELETE FROM \"{id}\"", HttpStatusCode.Conflict, "Validation Error");

        Assert.Equal("Query is not a single statement.", error["query"]![0]!.GetValue<string>());
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_calling_sleep_is_refused()
    {
        var id = await CreateVictimAsync();

        var error = await RefusedSqlAsync("SELECT \"pg_sleep\"(10)", HttpStatusCode.Forbidden, "Authorization Error");

        Assert.Equal("Access denied: Not authorized to call function pg_sleep", error["message"]!.GetValue<string>());
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_copy_statement_is_refused()
    {
        var id = await CreateVictimAsync();

        var response = await Portal.PostAsync(
            "datastore_search_sql", new JsonObject { ["sql"] = $"COPY \"{id}\" TO '/tmp/ckan-datastore-copy'" }, cancellationToken: Token);

        Assert.Contains(response.Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
        Assert.False(response.Success);
        Assert.False(File.Exists("/tmp/ckan-datastore-copy"));
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_calling_a_file_function_is_refused()
    {
        var id = await CreateVictimAsync();

        var error = await RefusedSqlAsync(FileReadQuery, HttpStatusCode.Forbidden, "Authorization Error");

        Assert.StartsWith("Access denied: Not authorized to call function", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_reaching_another_database_is_refused()
    {
        var id = await CreateVictimAsync();

        var response = await Portal.PostAsync("datastore_search_sql", new JsonObject { ["sql"] = OtherDatabaseQuery }, cancellationToken: Token);

        Assert.Contains(response.Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
        Assert.False(response.Success);
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_on_a_private_table_as_anonymous_is_refused()
    {
        var id = await CreateVictimAsync(isPrivate: true);

        var error = await RefusedSqlAsync($"SELECT secret FROM \"{id}\"", HttpStatusCode.Forbidden, "Authorization Error");

        Assert.DoesNotContain("s1", error.ToJsonString(), StringComparison.Ordinal);
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_runaway_query_is_stopped_by_the_time_limit()
    {
        var id = await CreateVictimAsync();

        var error = await RefusedSqlAsync(
            "WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT count(*) FROM forever",
            HttpStatusCode.Conflict,
            "Validation Error");

        Assert.Equal("Query took too long", error["query"]![0]!.GetValue<string>());
        await AssertIntactAsync(id);
    }

    [Fact]
    public async Task Sql_select_on_a_public_table_works_and_is_capped()
    {
        var id = await CreateVictimAsync();

        var response = await Portal.PostAsync(
            "datastore_search_sql", new JsonObject { ["sql"] = $"SELECT upper(name) AS big, count(*) AS n FROM \"{id}\" GROUP BY name ORDER BY big;" },
            cancellationToken: Token);
        var capped = await Portal.PostAsync(
            "datastore_search_sql",
            new JsonObject { ["sql"] = $"SELECT a.name FROM \"{id}\" a, \"{id}\" b, \"{id}\" c, \"{id}\" d, \"{id}\" e, \"{id}\" f" },
            cancellationToken: Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal("""[{"big":"A","n":1},{"big":"B","n":1},{"big":"C","n":1}]""", response.Result!["records"]!.ToJsonString());
        ApiAssert.Status(capped, HttpStatusCode.OK);
        Assert.Equal(DataStorePortal.RowsMax, capped.Result!["records"]!.AsArray().Count);
        Assert.True(capped.Result!["records_truncated"]!.GetValue<bool>());
    }
}

public sealed class SqliteDataStoreAttackTests(SqliteDataStorePortal portal) : DataStoreAttackTests<SqliteDataStorePortal>(portal)
{
    protected override string CatalogQuery => "SELECT name FROM sqlite_master";
    protected override string FileReadQuery => "SELECT readfile('/etc/passwd')";
    protected override string OtherDatabaseQuery => "ATTACH DATABASE '/tmp/ckan-datastore-other.db' AS other";
}

public sealed class PostgresDataStoreAttackTests(PostgresDataStorePortal portal) : DataStoreAttackTests<PostgresDataStorePortal>(portal)
{
    protected override string CatalogQuery => "SELECT relname AS name FROM pg_catalog.pg_class";
    protected override string FileReadQuery => "SELECT pg_read_file('/etc/passwd')";
    protected override string OtherDatabaseQuery => "SELECT * FROM postgres.public.pg_user";
}
