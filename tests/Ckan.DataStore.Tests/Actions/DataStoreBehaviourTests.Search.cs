using System.Net;
using System.Text.Json.Nodes;
using Ckan.DataStore.Tests.Support;
using Ckan.Web.Tests.Support;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Actions;

public abstract partial class DataStoreBehaviourTests<TPortal>
{
    private static List<string> Names(JsonObject result) =>
        result["records"]!.AsArray().Select(record => record!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Filters_match_values_and_lists_of_values()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var single = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["filters"] = new JsonObject { ["age"] = "36" } }, Token);
        var list = await Portal.SearchAsync(
            new JsonObject { ["resource_id"] = id, ["filters"] = new JsonObject { ["name"] = Array("Alan", "Grace") } }, Token);

        Assert.Equal(["Ada"], Names(single));
        Assert.Equal(["Grace", "Alan"], Names(list));
        Assert.Equal(2, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_given_as_json_text_in_a_get_request_work()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var response = await Portal.GetAsync(
            $"/api/3/action/datastore_search?resource_id={id}&filters=" + Uri.EscapeDataString("""{"active": true}"""),
            cancellationToken: Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(["Ada", "Alan"], Names(response.Result!.AsObject()));
    }

    [Fact]
    public async Task Unknown_column_in_filters_fields_or_sort_is_an_invalid_value()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var filters = await Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = id, ["filters"] = new JsonObject { ["nope"] = 1 } }, cancellationToken: Token);
        var fields = await Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = id, ["fields"] = "name,nope" }, cancellationToken: Token);
        var sort = await Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = id, ["sort"] = "nope desc" }, cancellationToken: Token);

        Assert.Equal("invalid value \"nope\"", ApiAssert.Failure(filters, HttpStatusCode.Conflict, "Validation Error")["filters"]![0]!.GetValue<string>());
        Assert.Equal("invalid value \"nope\"", ApiAssert.Failure(fields, HttpStatusCode.Conflict, "Validation Error")["fields"]![0]!.GetValue<string>());
        Assert.Equal("invalid value \"nope desc\"", ApiAssert.Failure(sort, HttpStatusCode.Conflict, "Validation Error")["sort"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Full_text_q_finds_words_and_code_like_values()
    {
        var fields = Array(new JsonObject { ["id"] = "period", ["type"] = "text" }, new JsonObject { ["id"] = "note", ["type"] = "text" });
        var records = Array(
            new JsonObject { ["period"] = "2019-2020-Q4", ["note"] = "budget reports" },
            new JsonObject { ["period"] = "2021-2022-Q1", ["note"] = "nothing here" });
        var id = await Portal.CreateTableAsync(fields, records, Token);

        var code = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "2019-2020-Q4" }, Token);
        var stemmed = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "report" }, Token);
        var perField = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = new JsonObject { ["note"] = "nothing" } }, Token);
        var wrongField = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = new JsonObject { ["period"] = "nothing" } }, Token);

        Assert.Equal("2019-2020-Q4", code["records"]!.AsArray().Single()!["period"]!.GetValue<string>());
        Assert.Single(stemmed["records"]!.AsArray());
        Assert.Contains(code["fields"]!.AsArray(), field => field!["id"]!.GetValue<string>() == "rank");
        Assert.Equal("2021-2022-Q1", perField["records"]!.AsArray().Single()!["period"]!.GetValue<string>());
        Assert.Contains(perField["fields"]!.AsArray(), field => field!["id"]!.GetValue<string>() == "rank note");
        Assert.Empty(wrongField["records"]!.AsArray());
    }

    [Fact]
    public async Task Tsquery_syntax_works_when_plain_is_false()
    {
        var fields = Array(new JsonObject { ["id"] = "note", ["type"] = "text" });
        var records = Array(new JsonObject { ["note"] = "red apple" }, new JsonObject { ["note"] = "green apple" }, new JsonObject { ["note"] = "red car" });
        var id = await Portal.CreateTableAsync(fields, records, Token);

        var result = await Portal.SearchAsync(
            new JsonObject { ["resource_id"] = id, ["q"] = "apple & !green", ["plain"] = false, ["sort"] = "_id" }, Token);

        Assert.Equal("red apple", result["records"]!.AsArray().Single()!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sort_limit_offset_and_links_page_through_results()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var response = await Portal.GetAsync(
            $"/api/3/action/datastore_search?resource_id={id}&sort=age%20desc&limit=1&offset=1", cancellationToken: Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var result = response.Result!.AsObject();
        Assert.Equal(["Alan"], Names(result));
        Assert.Equal(3, result["total"]!.GetValue<int>());
        var links = result["_links"]!.AsObject();
        Assert.Equal($"/api/3/action/datastore_search?resource_id={id}&sort=age+desc&limit=1", links["start"]!.GetValue<string>());
        Assert.Equal($"/api/3/action/datastore_search?resource_id={id}&sort=age+desc&limit=1&offset=2", links["next"]!.GetValue<string>());
        Assert.False(links.ContainsKey("prev"));
    }

    [Fact]
    public async Task Nulls_sort_last_ascending_and_first_descending()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var ascending = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["sort"] = "score" }, Token);
        var descending = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["sort"] = "score desc" }, Token);

        Assert.Equal(["Grace", "Ada", "Alan"], Names(ascending));
        Assert.Equal(["Alan", "Ada", "Grace"], Names(descending));
    }

    [Fact]
    public async Task Fields_distinct_and_list_format_shape_the_records()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var result = await Portal.SearchAsync(
            new JsonObject { ["resource_id"] = id, ["fields"] = Array("active"), ["distinct"] = true, ["sort"] = "active", ["records_format"] = "lists" }, Token);

        Assert.Equal("[[false],[true]]", result["records"]!.ToJsonString());
        Assert.Equal("active", result["fields"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(2, result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Csv_records_format_returns_lines_without_header()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var result = await Portal.SearchAsync(
            new JsonObject { ["resource_id"] = id, ["fields"] = "name,age,active", ["records_format"] = "csv", ["limit"] = 2 }, Token);

        Assert.Equal("Ada,36,t\nGrace,85,f\n", result["records"]!.GetValue<string>());
    }

    [Fact]
    public async Task Include_total_false_leaves_out_the_total()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["include_total"] = false }, Token);

        Assert.False(result.ContainsKey("total"));
        Assert.Equal(3, result["records"]!.AsArray().Count);
    }

    [Fact]
    public async Task Aliases_find_the_table_and_table_metadata_lists_them()
    {
        var alias = Web.Tests.Support.Names.Unique("alias");
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token, extra: new JsonObject { ["aliases"] = alias });

        var byAlias = await Portal.SearchAsync(new JsonObject { ["resource_id"] = alias }, Token);
        var metadata = await Portal.SearchAsync(
            new JsonObject { ["resource_id"] = "_table_metadata", ["filters"] = new JsonObject { ["name"] = alias } }, Token);

        Assert.Equal(3, byAlias["total"]!.GetValue<int>());
        Assert.Equal(id, metadata["records"]![0]!["alias_of"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_table_is_not_found()
    {
        var response = await Portal.PostAsync(
            "datastore_search", new JsonObject { ["resource_id"] = Guid.NewGuid().ToString() }, cancellationToken: Token);

        ApiAssert.Failure(response, HttpStatusCode.NotFound, "Not Found Error");
    }

    [Fact]
    public async Task Info_reports_count_fields_and_aliases()
    {
        var alias = Web.Tests.Support.Names.Unique("alias");
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token, extra: new JsonObject { ["aliases"] = Array(alias) });

        var response = await Portal.GetAsync("/api/3/action/datastore_info?id=" + id, cancellationToken: Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var meta = response.Result!["meta"]!;
        Assert.Equal(3, meta["count"]!.GetValue<int>());
        Assert.Equal("BASE TABLE", meta["table_type"]!.GetValue<string>());
        Assert.Equal(alias, meta["aliases"]![0]!.GetValue<string>());
        Assert.Equal(["name", "age", "score", "born", "active"], response.Result!["fields"]!.AsArray().Select(field => field!["id"]!.GetValue<string>()));
    }
}
