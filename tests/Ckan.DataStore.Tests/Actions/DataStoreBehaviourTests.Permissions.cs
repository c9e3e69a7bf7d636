using System.Net;
using System.Text.Json.Nodes;
using Ckan.DataStore.Tests.Support;
using Ckan.Web.Tests.Support;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Actions;

public abstract partial class DataStoreBehaviourTests<TPortal>
{
    [Fact]
    public async Task Private_table_is_hidden_from_anonymous_callers_in_every_read()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token, isPrivate: true);

        var search = await Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = id }, cancellationToken: Token);
        var info = await Portal.PostAsync("datastore_info", new JsonObject { ["id"] = id }, cancellationToken: Token);
        var dump = await Portal.GetAsync("/datastore/dump/" + id, cancellationToken: Token);

        ApiAssert.Failure(search, HttpStatusCode.Forbidden, "Authorization Error");
        ApiAssert.Failure(info, HttpStatusCode.Forbidden, "Authorization Error");
        Assert.Equal(HttpStatusCode.NotFound, dump.Status);
    }

    [Fact]
    public async Task Organization_member_reads_a_private_table()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token, isPrivate: true);
        var anonymousShow = (await Portal.GetAsync("/api/3/action/resource_show?id=" + id, cancellationToken: Token)).Status;
        var user = await Portal.CreateUserAsync(cancellationToken: Token);
        var resource = await Portal.ArrangeAsync("resource_show", new JsonObject { ["id"] = id }, Token);
        var dataset = await Portal.ArrangeAsync("package_show", new JsonObject { ["id"] = resource!["package_id"]!.GetValue<string>() }, Token);
        await Portal.AddMemberAsync(dataset!["owner_org"]!.GetValue<string>(), user, "member", Token);

        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id }, Token, user.Token);

        Assert.Equal(HttpStatusCode.Forbidden, anonymousShow);
        Assert.Equal(3, result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Writing_needs_rights_to_update_the_dataset()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);
        var stranger = await Portal.CreateUserAsync(cancellationToken: Token);

        var upsert = await Portal.PostAsync(
            "datastore_upsert", new JsonObject { ["resource_id"] = id, ["method"] = "insert", ["records"] = Array(new JsonObject { ["name"] = "x" }) },
            stranger.Token, Token);
        var delete = await Portal.PostAsync("datastore_delete", new JsonObject { ["resource_id"] = id }, cancellationToken: Token);

        var error = ApiAssert.Failure(upsert, HttpStatusCode.Forbidden, "Authorization Error");
        Assert.Equal($"Access denied: User {stranger.Name} not authorized to update resource {id}", error["message"]!.GetValue<string>());
        ApiAssert.Failure(delete, HttpStatusCode.Forbidden, "Authorization Error");
        Assert.Equal(3, await Portal.CountRowsAsync(id, Token));
    }

    [Fact]
    public async Task Editing_a_resource_whose_data_comes_from_a_file_needs_force()
    {
        var organization = await Portal.CreateOrganizationAsync(Token);
        var dataset = await Portal.CreateDatasetAsync(organization, Token);
        var resource = await Portal.ArrangeAsync(
            "resource_create", new JsonObject { ["package_id"] = dataset["id"]!.GetValue<string>(), ["url"] = "http://example.org/a.csv" }, Token);
        var id = resource!["id"]!.GetValue<string>();
        var admin = await Portal.CreateUserAsync(sysadmin: true, Token);
        var data = new JsonObject { ["resource_id"] = id, ["fields"] = Array(new JsonObject { ["id"] = "a", ["type"] = "text" }) };

        var refused = await Portal.PostAsync("datastore_create", data, admin.Token, Token);
        data["force"] = true;
        var forced = await Portal.PostAsync("datastore_create", data, admin.Token, Token);

        Assert.True(ApiAssert.Failure(refused, HttpStatusCode.Conflict, "Validation Error").ContainsKey("read-only"));
        ApiAssert.Status(forced, HttpStatusCode.OK);
    }
}
