using System.Net;
using System.Text.Json.Nodes;
using Ckan.DataStore.Tests.Support;
using Ckan.Web.Tests.Support;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Actions;

/// <summary>
/// The DataStore's behaviour over HTTP through the real portal, run against each backend by the
/// subclasses at the end of this file: both must return the same results.
/// </summary>
public abstract partial class DataStoreBehaviourTests<TPortal>(TPortal fixture) : IClassFixture<TPortal>
    where TPortal : DataStorePortal
{
    protected TestPortal Portal => fixture.Portal;
    protected IDataStore Store => fixture.Store;
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected static JsonArray PeopleFields() => Array(
        new JsonObject { ["id"] = "name", ["type"] = "text", ["info"] = new JsonObject { ["label"] = "Name" } },
        new JsonObject { ["id"] = "age", ["type"] = "int" },
        new JsonObject { ["id"] = "score", ["type"] = "float8" },
        new JsonObject { ["id"] = "born", ["type"] = "timestamp" },
        new JsonObject { ["id"] = "active", ["type"] = "bool" });

    protected static JsonArray PeopleRecords() => Array(
        new JsonObject { ["name"] = "Ada", ["age"] = 36, ["score"] = 9.5, ["born"] = "1815-12-10", ["active"] = true },
        new JsonObject { ["name"] = "Grace", ["age"] = 85, ["score"] = 8.25, ["born"] = "1906-12-09T10:30:00", ["active"] = false },
        new JsonObject { ["name"] = "Alan", ["age"] = 41, ["score"] = null, ["born"] = null, ["active"] = true });

    [Fact]
    public async Task Create_then_search_returns_typed_records_and_fields()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id }, Token);

        var fields = result["fields"]!.AsArray().Select(field => field!["id"] + ":" + field["type"]).ToList();
        Assert.Equal(["_id:int", "name:text", "age:int4", "score:float8", "born:timestamp", "active:bool"], fields);
        Assert.Equal("Name", result["fields"]![1]!["info"]!["label"]!.GetValue<string>());
        var ada = result["records"]![0]!.AsObject();
        Assert.Equal(
            """{"_id":1,"name":"Ada","age":36,"score":9.5,"born":"1815-12-10T00:00:00","active":true}""",
            ada.ToJsonString());
        Assert.Equal(3, result["total"]!.GetValue<int>());
        Assert.False(result["total_was_estimated"]!.GetValue<bool>());
        Assert.Equal(100, result["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_with_resource_makes_a_datastore_only_resource_marked_active()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var resource = await Portal.GetAsync("/api/3/action/resource_show?id=" + id, cancellationToken: Token);

        Assert.True(resource.Result!["datastore_active"]!.GetValue<bool>());
        Assert.Equal("datastore", resource.Result!["url_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_guesses_types_of_fields_given_only_in_records()
    {
        var id = await Portal.CreateTableAsync(
            [], Array(new JsonObject { ["n"] = 3, ["x"] = 1.5, ["when"] = "2020-01-02", ["label"] = "a" }), Token);

        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id }, Token);

        var types = result["fields"]!.AsArray().Skip(1).Select(field => field!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["int4", "float8", "timestamp", "text"], types);
    }

    [Fact]
    public async Task Value_that_does_not_fit_its_column_is_a_validation_error_naming_row_and_field()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), [], Token);
        var admin = await Portal.CreateUserAsync(sysadmin: true, Token);

        var response = await Portal.PostAsync(
            "datastore_upsert",
            new JsonObject
            {
                ["resource_id"] = id,
                ["method"] = "insert",
                ["records"] = Array(new JsonObject { ["name"] = "ok", ["age"] = 1 }, new JsonObject { ["name"] = "bad", ["age"] = "abc" }),
            },
            admin.Token,
            Token);

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        Assert.Contains("row 2, field \"age\"", error["records"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, error["records_row"]!.GetValue<int>());
        Assert.Equal(0, await Portal.CountRowsAsync(id, Token));
    }

    [Fact]
    public async Task Big_integers_and_exact_numerics_keep_every_digit()
    {
        var fields = Array(
            new JsonObject { ["id"] = "big", ["type"] = "int8" },
            new JsonObject { ["id"] = "exact", ["type"] = "numeric" });
        var records = Array(new JsonObject
        {
            ["big"] = JsonNode.Parse("9007199254740993"),
            ["exact"] = "12345678901234567890.123456789012",
        });
        var id = await Portal.CreateTableAsync(fields, records, Token);

        var response = await Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = id }, cancellationToken: Token);

        Assert.Contains("\"big\":9007199254740993", response.Text, StringComparison.Ordinal);
        Assert.Contains("\"exact\":12345678901234567890.123456789012", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_and_array_columns_come_back_as_json()
    {
        var fields = Array(
            new JsonObject { ["id"] = "doc", ["type"] = "json" },
            new JsonObject { ["id"] = "tags", ["type"] = "_text" },
            new JsonObject { ["id"] = "numbers", ["type"] = "_int4" });
        var records = Array(new JsonObject
        {
            ["doc"] = new JsonObject { ["a"] = Array(1, 2) },
            ["tags"] = Array("x", "y"),
            ["numbers"] = Array(3, 4),
        });
        var id = await Portal.CreateTableAsync(fields, records, Token);

        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id }, Token);

        var record = result["records"]![0]!.AsObject();
        Assert.Equal("""{"a":[1,2]}""", record["doc"]!.ToJsonString());
        Assert.Equal("""["x","y"]""", record["tags"]!.ToJsonString());
        Assert.Equal("[3,4]", record["numbers"]!.ToJsonString());
        Assert.Equal("_text", result["fields"]![2]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_field_type_is_refused()
    {
        var organization = await Portal.CreateOrganizationAsync(Token);
        var dataset = await Portal.CreateDatasetAsync(organization, Token);
        var admin = await Portal.CreateUserAsync(sysadmin: true, Token);

        var response = await Portal.PostAsync(
            "datastore_create",
            new JsonObject
            {
                ["resource"] = new JsonObject { ["package_id"] = dataset["id"]!.GetValue<string>() },
                ["fields"] = Array(new JsonObject { ["id"] = "a", ["type"] = "money" }),
            },
            admin.Token,
            Token);

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        Assert.Equal("\"money\" is not a valid field type", error["fields"]![0]!.GetValue<string>());
    }
}

public sealed class SqliteDataStoreBehaviourTests(SqliteDataStorePortal portal)
    : DataStoreBehaviourTests<SqliteDataStorePortal>(portal);

public sealed class PostgresDataStoreBehaviourTests(PostgresDataStorePortal portal)
    : DataStoreBehaviourTests<PostgresDataStorePortal>(portal);
