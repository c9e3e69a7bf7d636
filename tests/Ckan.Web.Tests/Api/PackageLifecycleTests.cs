using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class PackageLifecycleTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Patch_changes_only_the_given_keys()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateFullDatasetAsync(portal);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_patch",
            new JsonObject { ["id"] = id, ["notes"] = "Patched notes" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await ShowAsync(portal, id, admin);
        Assert.Equal("Patched notes", shown["notes"]!.GetValue<string>());
        Assert.Equal("Full title", shown["title"]!.GetValue<string>());
        Assert.Equal("Ann Author", shown["author"]!.GetValue<string>());
        Assert.Equal(dataset["owner_org"]!.GetValue<string>(), shown["owner_org"]!.GetValue<string>());
        Assert.Equal(["economy", "energy"], SortedValues(shown["tags"]!, "name"));
        Assert.Equal(["source"], SortedValues(shown["extras"]!, "key"));
        Assert.Equal(2, shown["resources"]!.AsArray().Count);
        Assert.Single(shown["groups"]!.AsArray());
        Assert.Equal(
            dataset["resources"]![0]!["id"]!.GetValue<string>(), shown["resources"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_replaces_a_given_list_whole()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateFullDatasetAsync(portal);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_patch",
            new JsonObject { ["id"] = id, ["tags"] = new JsonArray(new JsonObject { ["name"] = "water" }) },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await ShowAsync(portal, id, admin);
        Assert.Equal(["water"], SortedValues(shown["tags"]!, "name"));
        Assert.Equal(1, shown["num_tags"]!.GetValue<int>());
        Assert.Equal(2, shown["num_resources"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_empties_omitted_lists_and_fields()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateFullDatasetAsync(portal);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_update", new JsonObject { ["id"] = id, ["notes"] = "Only notes" }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await ShowAsync(portal, id, admin);
        Assert.Equal("Only notes", shown["notes"]!.GetValue<string>());
        Assert.Null(shown["author"]);
        Assert.Empty(shown["tags"]!.AsArray());
        Assert.Empty(shown["extras"]!.AsArray());
        Assert.Empty(shown["resources"]!.AsArray());
        Assert.Empty(shown["groups"]!.AsArray());
        Assert.Equal(0, shown["num_resources"]!.GetValue<int>());
        Assert.Equal(dataset["name"]!.GetValue<string>(), shown["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_keeps_omitted_organization_and_private_flag()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            new JsonObject { ["owner_org"] = org, ["private"] = true }, CancellationToken);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_update",
            new JsonObject { ["id"] = id, ["notes"] = "Still private" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await ShowAsync(portal, id, admin);
        Assert.True(shown["private"]!.GetValue<bool>());
        Assert.Equal(org, shown["organization"]!["name"]!.GetValue<string>());
        var anonymous = await portal.GetAsync(
            "/api/3/action/package_show?id=" + id, cancellationToken: CancellationToken);
        ApiAssert.Failure(anonymous, HttpStatusCode.Forbidden, "Authorization Error");
    }

    [Fact]
    public async Task Update_keeps_id_and_type()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var name = dataset["name"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_update",
            new JsonObject { ["name"] = name, ["owner_org"] = org, ["type"] = "harvest" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(dataset["id"]!.GetValue<string>(), response.Result!["id"]!.GetValue<string>());
        Assert.Equal("dataset", response.Result!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_marks_dataset_deleted_and_hides_it()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_delete", new JsonObject { ["id"] = id }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Null(response.Result);
        Assert.Equal("deleted", (await ShowAsync(portal, id, admin))["state"]!.GetValue<string>());
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
        var search = await portal.GetAsync("/api/3/action/package_search", admin.Token, CancellationToken);
        Assert.Equal(0, search.Result!["count"]!.GetValue<int>());
        var anonymous = await portal.GetAsync(
            "/api/3/action/package_show?id=" + id, cancellationToken: CancellationToken);
        ApiAssert.AuthorizationError(anonymous, $"Access denied: User  not authorized to read package {id}");
    }

    [Fact]
    public async Task Delete_frees_the_dataset_name()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var name = dataset["name"]!.GetValue<string>();
        await portal.ArrangeAsync("package_delete", new JsonObject { ["id"] = name }, CancellationToken);

        var response = await portal.PostAsync(
            "package_create", new JsonObject { ["name"] = name, ["owner_org"] = org }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var newId = response.Result!["id"]!.GetValue<string>();
        Assert.NotEqual(dataset["id"]!.GetValue<string>(), newId);
        Assert.Equal(newId, (await ShowAsync(portal, name, admin))["id"]!.GetValue<string>());
        Assert.Equal([name], await portal.ListDatasetNamesAsync(CancellationToken));
        var old = await ShowAsync(portal, dataset["id"]!.GetValue<string>(), admin);
        Assert.Equal("deleted", old["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Purge_removes_dataset_for_good()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateFullDatasetAsync(portal);
        var id = dataset["id"]!.GetValue<string>();
        var resourceId = dataset["resources"]![0]!["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "dataset_purge", new JsonObject { ["id"] = id }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await portal.GetAsync("/api/3/action/package_show?id=" + id, admin.Token, CancellationToken);
        var error = ApiAssert.Failure(shown, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Equal("Not found", error["message"]!.GetValue<string>());
        var resource = await portal.GetAsync(
            "/api/3/action/resource_show?id=" + resourceId, admin.Token, CancellationToken);
        ApiAssert.Failure(resource, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Purge_works_on_deleted_dataset()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var id = dataset["id"]!.GetValue<string>();
        await portal.ArrangeAsync("package_delete", new JsonObject { ["id"] = id }, CancellationToken);

        var response = await portal.PostAsync(
            "dataset_purge", new JsonObject { ["id"] = id }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        await ApiAssert.NoDatasetAsync(portal, id, CancellationToken);
    }

    private static async Task<JsonObject> CreateFullDatasetAsync(TestPortal portal)
    {
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        return await portal.CreateDatasetAsync(
            new JsonObject
            {
                ["owner_org"] = org,
                ["title"] = "Full title",
                ["author"] = "Ann Author",
                ["notes"] = "Original notes",
                ["tags"] = new JsonArray(
                    new JsonObject { ["name"] = "energy" }, new JsonObject { ["name"] = "economy" }),
                ["extras"] = new JsonArray(new JsonObject { ["key"] = "source", ["value"] = "survey" }),
                ["groups"] = new JsonArray(new JsonObject { ["name"] = group }),
                ["resources"] = new JsonArray(
                    new JsonObject { ["url"] = "http://example.org/a.csv", ["name"] = "A" },
                    new JsonObject { ["url"] = "http://example.org/b.json", ["name"] = "B" }),
            },
            CancellationToken);
    }

    private static async Task<JsonObject> ShowAsync(TestPortal portal, string idOrName, TestUser user)
    {
        var response = await portal.GetAsync(
            "/api/3/action/package_show?id=" + idOrName, user.Token, CancellationToken);
        ApiAssert.Status(response, HttpStatusCode.OK);
        return response.Result!.AsObject();
    }

    private static string[] SortedValues(JsonNode list, string key) =>
        list.AsArray().Select(item => item![key]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
}
