using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class ResourceActionsTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_appends_resource_at_next_position()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 2);
        var name = dataset["name"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "resource_create",
            new JsonObject { ["package_id"] = name, ["url"] = "http://example.org/c.csv", ["name"] = "C" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(2, response.Result!["position"]!.GetValue<int>());
        Assert.Equal(dataset["id"]!.GetValue<string>(), response.Result!["package_id"]!.GetValue<string>());
        var shown = await ShowDatasetAsync(portal, name, admin);
        Assert.Equal(["A", "B", "C"], ResourceNames(shown));
        Assert.Equal([0, 1, 2], Positions(shown));
    }

    [Fact]
    public async Task Create_defaults_missing_url_to_empty_string()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 0);

        var response = await portal.PostAsync(
            "resource_create",
            new JsonObject { ["package_id"] = dataset["id"]!.DeepClone(), ["name"] = "No link" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal("", response.Result!["url"]!.GetValue<string>());
        Assert.Equal(0, response.Result!["position"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_reports_only_new_resource_errors()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 1);
        var name = dataset["name"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "resource_create",
            new JsonObject { ["package_id"] = name, ["url"] = "http://example.org/c.csv", ["size"] = "big" },
            admin.Token,
            CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "size", "Invalid integer");
        Assert.False(error.ContainsKey("resources"));
        Assert.Equal(["A"], ResourceNames(await ShowDatasetAsync(portal, name, admin)));
    }

    [Fact]
    public async Task Create_requires_package_id()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "resource_create", new JsonObject { ["url"] = "http://example.org/a.csv" }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "package_id", "Missing value");
    }

    [Fact]
    public async Task Create_denies_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 0);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "resource_create",
            new JsonObject { ["package_id"] = id, ["url"] = "http://example.org/a.csv" },
            cancellationToken: CancellationToken);

        ApiAssert.AuthorizationError(response, $"Access denied: User  not authorized to edit package {id}");
        var stored = await portal.ArrangeAsync("package_show", new JsonObject { ["id"] = id }, CancellationToken);
        Assert.Empty(stored!["resources"]!.AsArray());
    }

    [Fact]
    public async Task Patch_changes_only_the_given_keys()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 2);
        var resource = dataset["resources"]![1]!;
        var id = resource["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "resource_patch",
            new JsonObject { ["id"] = id, ["description"] = "Patched" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await ShowResourceAsync(portal, id, admin);
        Assert.Equal("Patched", shown["description"]!.GetValue<string>());
        Assert.Equal("B", shown["name"]!.GetValue<string>());
        Assert.Equal(resource["url"]!.GetValue<string>(), shown["url"]!.GetValue<string>());
        Assert.Equal("CSV", shown["format"]!.GetValue<string>());
        Assert.Equal(1, shown["position"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_replaces_the_resource()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 2);
        var first = dataset["resources"]![0]!["id"]!.GetValue<string>();
        await portal.ArrangeAsync(
            "resource_patch", new JsonObject { ["id"] = first, ["description"] = "Old text" }, CancellationToken);

        var response = await portal.PostAsync(
            "resource_update", new JsonObject { ["id"] = first, ["name"] = "Renamed" }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await ShowResourceAsync(portal, first, admin);
        Assert.Equal("Renamed", shown["name"]!.GetValue<string>());
        Assert.Equal("", shown["url"]!.GetValue<string>());
        Assert.Equal("", shown["description"]!.GetValue<string>());
        Assert.Equal(0, shown["position"]!.GetValue<int>());
        var datasetShown = await ShowDatasetAsync(portal, dataset["name"]!.GetValue<string>(), admin);
        Assert.Equal(["Renamed", "B"], ResourceNames(datasetShown));
    }

    [Fact]
    public async Task Update_keeps_omitted_columns_that_ckan_keeps()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 1);
        var id = dataset["resources"]![0]!["id"]!.GetValue<string>();
        await portal.ArrangeAsync(
            "resource_patch",
            new JsonObject
            {
                ["id"] = id,
                ["format"] = "XLSX",
                ["size"] = 1024,
                ["hash"] = "sha256:abc",
                ["mimetype"] = "text/csv",
                ["encoding"] = "utf-8",
            },
            CancellationToken);

        var response = await portal.PostAsync(
            "resource_update",
            new JsonObject { ["id"] = id, ["url"] = "http://example.org/new.csv" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await ShowResourceAsync(portal, id, admin);
        Assert.Equal("A", shown["name"]!.GetValue<string>());
        Assert.Equal("XLSX", shown["format"]!.GetValue<string>());
        Assert.Equal(1024, shown["size"]!.GetValue<long>());
        Assert.Equal("sha256:abc", shown["hash"]!.GetValue<string>());
        Assert.Null(shown["mimetype"]);
        Assert.False(shown.ContainsKey("encoding"));
    }

    [Fact]
    public async Task Update_returns_not_found_for_unknown_resource()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "resource_update",
            new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["url"] = "http://example.org" },
            admin.Token,
            CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Equal("Not found: Resource was not found.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_renumbers_the_remaining_positions()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 3);
        var middle = dataset["resources"]![1]!["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "resource_delete", new JsonObject { ["id"] = middle }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Null(response.Result);
        var shown = await ShowDatasetAsync(portal, dataset["name"]!.GetValue<string>(), admin);
        Assert.Equal(["A", "C"], ResourceNames(shown));
        Assert.Equal([0, 1], Positions(shown));
        Assert.Equal(2, shown["num_resources"]!.GetValue<int>());
        var deleted = await portal.GetAsync("/api/3/action/resource_show?id=" + middle, admin.Token, CancellationToken);
        var error = ApiAssert.Failure(deleted, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Equal("Not found: Resource was not found.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_denies_organization_member()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var dataset = await CreateDatasetWithResourcesAsync(portal, 1);
        await portal.AddMemberAsync(dataset["owner_org"]!.GetValue<string>(), user, "member", CancellationToken);
        var resource = dataset["resources"]![0]!["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "resource_delete", new JsonObject { ["id"] = resource }, user.Token, CancellationToken);

        var id = dataset["id"]!.GetValue<string>();
        ApiAssert.AuthorizationError(response, $"Access denied: User {user.Name} not authorized to edit package {id}");
        var stored = await portal.ArrangeAsync(
            "resource_show", new JsonObject { ["id"] = resource }, CancellationToken);
        Assert.Equal("A", stored!["name"]!.GetValue<string>());
    }

    private static async Task<JsonObject> CreateDatasetWithResourcesAsync(TestPortal portal, int count)
    {
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var resources = new JsonArray();
        foreach (var letter in "ABC"[..count])
        {
            resources.Add(
                new JsonObject { ["url"] = $"http://example.org/{letter}.csv", ["name"] = letter.ToString() });
        }

        return await portal.CreateDatasetAsync(
            new JsonObject { ["owner_org"] = org, ["resources"] = resources }, CancellationToken);
    }

    private static async Task<JsonObject> ShowDatasetAsync(TestPortal portal, string idOrName, TestUser user)
    {
        var response = await portal.GetAsync(
            "/api/3/action/package_show?id=" + idOrName, user.Token, CancellationToken);
        ApiAssert.Status(response, HttpStatusCode.OK);
        return response.Result!.AsObject();
    }

    private static async Task<JsonObject> ShowResourceAsync(TestPortal portal, string id, TestUser user)
    {
        var response = await portal.GetAsync("/api/3/action/resource_show?id=" + id, user.Token, CancellationToken);
        ApiAssert.Status(response, HttpStatusCode.OK);
        return response.Result!.AsObject();
    }

    private static string[] ResourceNames(JsonObject dataset) =>
        dataset["resources"]!.AsArray().Select(resource => resource!["name"]!.GetValue<string>()).ToArray();

    private static int[] Positions(JsonObject dataset) =>
        dataset["resources"]!.AsArray().Select(resource => resource!["position"]!.GetValue<int>()).ToArray();
}
