using System.Net;
using System.Text.Json.Nodes;
using Ckan.DataStore.Tests.Support;
using Ckan.Web.Tests.Support;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Actions;

public abstract partial class DataStoreBehaviourTests<TPortal>
{
    private async Task<string> CreateKeyedTableAsync()
    {
        var fields = Array(new JsonObject { ["id"] = "code", ["type"] = "text" }, new JsonObject { ["id"] = "value", ["type"] = "int" });
        var records = Array(new JsonObject { ["code"] = "a", ["value"] = 1 }, new JsonObject { ["code"] = "b", ["value"] = 2 });
        return await Portal.CreateTableAsync(fields, records, Token, extra: new JsonObject { ["primary_key"] = "code" });
    }

    private async Task<ApiResponse> UpsertAsync(string id, string method, JsonArray records)
    {
        var admin = await Portal.CreateUserAsync(sysadmin: true, Token);
        return await Portal.PostAsync(
            "datastore_upsert", new JsonObject { ["resource_id"] = id, ["method"] = method, ["records"] = records }, admin.Token, Token);
    }

    private async Task<Dictionary<string, int>> ValuesByCodeAsync(string id)
    {
        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id }, Token);
        return result["records"]!.AsArray().ToDictionary(
            record => record!["code"]!.GetValue<string>(), record => record!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task Upsert_updates_rows_by_primary_key_and_inserts_new_ones()
    {
        var id = await CreateKeyedTableAsync();

        var response = await UpsertAsync(id, "upsert", Array(
            new JsonObject { ["code"] = "a", ["value"] = 10 }, new JsonObject { ["code"] = "c", ["value"] = 3 }));

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal("upsert", response.Result!["method"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, int> { ["a"] = 10, ["b"] = 2, ["c"] = 3 }, await ValuesByCodeAsync(id));
    }

    [Fact]
    public async Task Update_of_a_missing_key_fails_and_changes_nothing()
    {
        var id = await CreateKeyedTableAsync();

        var response = await UpsertAsync(id, "update", Array(
            new JsonObject { ["code"] = "a", ["value"] = 10 }, new JsonObject { ["code"] = "zz", ["value"] = 3 }));

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        Assert.Equal("key \"[\"zz\"]\" not found", error["key"]![0]!.GetValue<string>());
        Assert.Equal(1, (await ValuesByCodeAsync(id))["a"]);
    }

    [Fact]
    public async Task Insert_of_a_duplicate_key_is_a_uniqueness_error()
    {
        var id = await CreateKeyedTableAsync();

        var response = await UpsertAsync(id, "insert", Array(new JsonObject { ["code"] = "a", ["value"] = 5 }));

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        Assert.StartsWith("Cannot insert records", error["constraints"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insert_with_unknown_keys_names_the_row()
    {
        var id = await CreateKeyedTableAsync();

        var response = await UpsertAsync(id, "insert", Array(new JsonObject { ["code"] = "x", ["extra"] = 1 }));

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        Assert.Equal("row \"1\" has extra keys \"extra\"", error["records"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Upsert_without_a_key_on_a_table_without_one_is_refused()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var response = await UpsertAsync(id, "upsert", Array(new JsonObject { ["name"] = "x" }));

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        Assert.Equal("unique key must be passed for update/upsert", error["table"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_on_an_existing_table_adds_new_fields_and_keeps_rows()
    {
        var id = await CreateKeyedTableAsync();

        await Portal.ArrangeAsync("datastore_create", new JsonObject
        {
            ["resource_id"] = id,
            ["fields"] = Array(new JsonObject { ["id"] = "note", ["type"] = "text" }),
            ["records"] = Array(new JsonObject { ["code"] = "n", ["value"] = 9, ["note"] = "new" }),
        }, Token);

        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "new" }, Token);
        Assert.Equal(["_id", "code", "value", "note", "rank"], result["fields"]!.AsArray().Select(field => field!["id"]!.GetValue<string>()));
        Assert.Equal("n", result["records"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(3, await Portal.CountRowsAsync(id, Token));
    }

    [Fact]
    public async Task Delete_with_filters_removes_matching_rows_only()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);
        var admin = await Portal.CreateUserAsync(sysadmin: true, Token);

        var response = await Portal.PostAsync(
            "datastore_delete", new JsonObject { ["resource_id"] = id, ["filters"] = new JsonObject { ["active"] = true } }, admin.Token, Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(["Grace"], Names(await Portal.SearchAsync(new JsonObject { ["resource_id"] = id }, Token)));
    }

    [Fact]
    public async Task Delete_without_filters_drops_the_table_and_clears_the_flag()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);
        var admin = await Portal.CreateUserAsync(sysadmin: true, Token);

        var response = await Portal.PostAsync("datastore_delete", new JsonObject { ["resource_id"] = id }, admin.Token, Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var search = await Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = id }, cancellationToken: Token);
        ApiAssert.Failure(search, HttpStatusCode.NotFound, "Not Found Error");
        var resource = await Portal.GetAsync("/api/3/action/resource_show?id=" + id, cancellationToken: Token);
        Assert.False(resource.Result!["datastore_active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Deleting_the_resource_drops_its_table()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        await Portal.ArrangeAsync("resource_delete", new JsonObject { ["id"] = id }, Token);

        Assert.Null(await Store.FindTableAsync(id, Token));
    }

    [Fact]
    public async Task Dry_run_checks_records_without_saving_them()
    {
        var id = await CreateKeyedTableAsync();
        var admin = await Portal.CreateUserAsync(sysadmin: true, Token);

        var response = await Portal.PostAsync(
            "datastore_upsert",
            new JsonObject { ["resource_id"] = id, ["method"] = "insert", ["dry_run"] = true, ["records"] = Array(new JsonObject { ["code"] = "z" }) },
            admin.Token,
            Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(2, await Portal.CountRowsAsync(id, Token));
    }
}
