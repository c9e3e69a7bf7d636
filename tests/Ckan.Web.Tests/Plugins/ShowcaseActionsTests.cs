using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Plugins;

/// <summary>The showcase plugin's actions over HTTP.</summary>
public sealed class ShowcaseActionsTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_stores_dataset_of_type_showcase()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("showcase");

        var created = await portal.PostAsync("ckanext_showcase_create", new JsonObject
        {
            ["name"] = name, ["title"] = "Bus app", ["type"] = "dataset", ["url"] = "http://example.org/app",
        }, admin.Token, CancellationToken);
        var shown = await portal.GetAsync("/api/3/action/ckanext_showcase_show?id=" + name, cancellationToken: CancellationToken);

        ApiAssert.Status(created, HttpStatusCode.OK);
        Assert.Equal("showcase", created.Result!["type"]!.GetValue<string>());
        Assert.Equal("Bus app", shown.Result!["title"]!.GetValue<string>());
        Assert.Equal("http://example.org/app", shown.Result!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_reports_invalid_name()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "ckanext_showcase_create", new JsonObject { ["name"] = "Not A Name" }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        Assert.True(error.ContainsKey("name"), error.ToJsonString());
    }

    [Fact]
    public async Task Changes_need_sysadmin_or_showcase_admin()
    {
        await using var portal = await StartAsync();
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var showcaseAdmin = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        await portal.ArrangeAsync(
            "ckanext_showcase_admin_add", new JsonObject { ["username"] = showcaseAdmin.Name }, CancellationToken);
        var name = Names.Unique("showcase");

        var denied = await portal.PostAsync(
            "ckanext_showcase_create", new JsonObject { ["name"] = name }, user.Token, CancellationToken);
        var anonymous = await portal.PostAsync(
            "ckanext_showcase_create", new JsonObject { ["name"] = name }, cancellationToken: CancellationToken);
        var allowed = await portal.PostAsync(
            "ckanext_showcase_create", new JsonObject { ["name"] = name }, showcaseAdmin.Token, CancellationToken);
        var update = await portal.PostAsync(
            "ckanext_showcase_update", new JsonObject { ["id"] = name, ["title"] = "X" }, user.Token, CancellationToken);
        var delete = await portal.PostAsync(
            "ckanext_showcase_delete", new JsonObject { ["id"] = name }, user.Token, CancellationToken);

        ApiAssert.AuthorizationError(denied, $"Access denied: User {user.Name} not authorized to call ckanext_showcase_create");
        ApiAssert.Failure(anonymous, HttpStatusCode.Forbidden, "Authorization Error");
        ApiAssert.Status(allowed, HttpStatusCode.OK);
        ApiAssert.Failure(update, HttpStatusCode.Forbidden, "Authorization Error");
        ApiAssert.Failure(delete, HttpStatusCode.Forbidden, "Authorization Error");
    }

    [Fact]
    public async Task Update_changes_showcase_and_rejects_datasets()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var showcase = await CreateShowcaseAsync(portal);
        var dataset = await portal.CreateDatasetAsync(await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);

        var updated = await portal.PostAsync("ckanext_showcase_update", new JsonObject
        {
            ["id"] = showcase, ["name"] = showcase, ["title"] = "New title",
        }, admin.Token, CancellationToken);
        var notShowcase = await portal.PostAsync("ckanext_showcase_update", new JsonObject
        {
            ["id"] = dataset["name"]!.DeepClone(), ["title"] = "X",
        }, admin.Token, CancellationToken);

        ApiAssert.Status(updated, HttpStatusCode.OK);
        Assert.Equal("New title", updated.Result!["title"]!.GetValue<string>());
        Assert.Equal("showcase", updated.Result!["type"]!.GetValue<string>());
        ApiAssert.Messages(ApiAssert.ValidationError(notShowcase), "id", "Not found: Showcase");
    }

    [Fact]
    public async Task Delete_removes_showcase_and_its_links()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var showcase = await CreateShowcaseAsync(portal);
        var dataset = await portal.CreateDatasetAsync(await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);
        var datasetName = dataset["name"]!.GetValue<string>();
        await LinkAsync(portal, showcase, datasetName);

        var deleted = await portal.PostAsync(
            "ckanext_showcase_delete", new JsonObject { ["id"] = showcase }, admin.Token, CancellationToken);
        var list = await portal.GetAsync("/api/3/action/ckanext_showcase_list", cancellationToken: CancellationToken);
        var showcases = await portal.GetAsync(
            "/api/3/action/ckanext_package_showcase_list?package_id=" + datasetName, cancellationToken: CancellationToken);

        ApiAssert.Status(deleted, HttpStatusCode.OK);
        Assert.DoesNotContain(showcase, NamesOf(list.Result!));
        Assert.Empty(showcases.Result!.AsArray());
    }

    [Fact]
    public async Task List_returns_showcases_and_search_hides_them()
    {
        await using var portal = await StartAsync();
        var showcase = await CreateShowcaseAsync(portal);
        var dataset = await portal.CreateDatasetAsync(await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);

        var list = await portal.GetAsync("/api/3/action/ckanext_showcase_list", cancellationToken: CancellationToken);
        var search = await portal.GetAsync("/api/3/action/package_search?rows=100", cancellationToken: CancellationToken);
        var typed = await portal.GetAsync(
            "/api/3/action/package_search?fq=dataset_type:showcase", cancellationToken: CancellationToken);

        ApiAssert.Status(list, HttpStatusCode.OK);
        Assert.Equal([showcase], NamesOf(list.Result!));
        var found = NamesOf(search.Result!["results"]!);
        Assert.Contains(dataset["name"]!.GetValue<string>(), found);
        Assert.DoesNotContain(showcase, found);
        Assert.Equal([showcase], NamesOf(typed.Result!["results"]!));
    }

    [Fact]
    public async Task Association_links_dataset_both_ways()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var showcase = await CreateShowcaseAsync(portal);
        var dataset = await portal.CreateDatasetAsync(await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);
        var datasetName = dataset["name"]!.GetValue<string>();

        var created = await portal.PostAsync("ckanext_showcase_package_association_create", new JsonObject
        {
            ["showcase_id"] = showcase, ["package_id"] = datasetName,
        }, admin.Token, CancellationToken);
        var again = await portal.PostAsync("ckanext_showcase_package_association_create", new JsonObject
        {
            ["showcase_id"] = showcase, ["package_id"] = datasetName,
        }, admin.Token, CancellationToken);
        var packages = await portal.GetAsync(
            "/api/3/action/ckanext_showcase_package_list?showcase_id=" + showcase, cancellationToken: CancellationToken);
        var showcases = await portal.GetAsync(
            "/api/3/action/ckanext_package_showcase_list?package_id=" + datasetName, cancellationToken: CancellationToken);

        ApiAssert.Status(created, HttpStatusCode.OK);
        Assert.Equal(dataset["id"]!.GetValue<string>(), created.Result!["package_id"]!.GetValue<string>());
        var duplicate = ApiAssert.ValidationError(again);
        Assert.Contains("already exists", duplicate["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([datasetName], NamesOf(packages.Result!));
        Assert.Equal([showcase], NamesOf(showcases.Result!));
    }

    [Fact]
    public async Task Association_reports_missing_and_unknown_ids()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await portal.CreateDatasetAsync(await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);

        var missing = await portal.PostAsync(
            "ckanext_showcase_package_association_create", new JsonObject(), admin.Token, CancellationToken);
        var unknown = await portal.PostAsync("ckanext_showcase_package_association_create", new JsonObject
        {
            ["showcase_id"] = dataset["name"]!.DeepClone(), ["package_id"] = "no-such-dataset",
        }, admin.Token, CancellationToken);

        var missingErrors = ApiAssert.ValidationError(missing);
        ApiAssert.Messages(missingErrors, "showcase_id", "Missing value");
        ApiAssert.Messages(missingErrors, "package_id", "Missing value");
        var unknownErrors = ApiAssert.ValidationError(unknown);
        ApiAssert.Messages(unknownErrors, "showcase_id", "Not found: Showcase");
        ApiAssert.Messages(unknownErrors, "package_id", "Not found: Dataset");
    }

    [Fact]
    public async Task Association_delete_unlinks_and_needs_rights()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var showcase = await CreateShowcaseAsync(portal);
        var dataset = await portal.CreateDatasetAsync(await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);
        var datasetName = dataset["name"]!.GetValue<string>();
        await LinkAsync(portal, showcase, datasetName);
        var link = new JsonObject { ["showcase_id"] = showcase, ["package_id"] = datasetName };

        var denied = await portal.PostAsync("ckanext_showcase_package_association_delete", link, user.Token, CancellationToken);
        var deleted = await portal.PostAsync("ckanext_showcase_package_association_delete", link, admin.Token, CancellationToken);
        var again = await portal.PostAsync("ckanext_showcase_package_association_delete", link, admin.Token, CancellationToken);
        var packages = await portal.GetAsync(
            "/api/3/action/ckanext_showcase_package_list?showcase_id=" + showcase, cancellationToken: CancellationToken);

        ApiAssert.Failure(denied, HttpStatusCode.Forbidden, "Authorization Error");
        ApiAssert.Status(deleted, HttpStatusCode.OK);
        ApiAssert.Failure(again, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Empty(packages.Result!.AsArray());
    }

    [Fact]
    public async Task Package_list_hides_private_datasets_from_visitors()
    {
        await using var portal = await StartAsync();
        var showcase = await CreateShowcaseAsync(portal);
        var organization = await portal.CreateOrganizationAsync(CancellationToken);
        var hidden = await portal.CreateDatasetAsync(
            new JsonObject { ["owner_org"] = organization, ["private"] = true }, CancellationToken);
        await LinkAsync(portal, showcase, hidden["name"]!.GetValue<string>());

        var packages = await portal.GetAsync(
            "/api/3/action/ckanext_showcase_package_list?showcase_id=" + showcase, cancellationToken: CancellationToken);

        ApiAssert.Status(packages, HttpStatusCode.OK);
        Assert.Empty(packages.Result!.AsArray());
    }

    [Fact]
    public async Task Admin_actions_manage_the_admin_list()
    {
        await using var portal = await StartAsync();
        var sysadmin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var username = new JsonObject { ["username"] = user.Name };

        var added = await portal.PostAsync("ckanext_showcase_admin_add", username, sysadmin.Token, CancellationToken);
        var twice = await portal.PostAsync("ckanext_showcase_admin_add", username, sysadmin.Token, CancellationToken);
        var list = await portal.GetAsync("/api/3/action/ckanext_showcase_admin_list", sysadmin.Token, CancellationToken);
        var removed = await portal.PostAsync("ckanext_showcase_admin_remove", username, sysadmin.Token, CancellationToken);
        var removedTwice = await portal.PostAsync("ckanext_showcase_admin_remove", username, sysadmin.Token, CancellationToken);
        var unknown = await portal.PostAsync(
            "ckanext_showcase_admin_add", new JsonObject { ["username"] = "nobody-here" }, sysadmin.Token, CancellationToken);
        var missing = await portal.PostAsync("ckanext_showcase_admin_add", new JsonObject(), sysadmin.Token, CancellationToken);
        var listAfter = await portal.GetAsync("/api/3/action/ckanext_showcase_admin_list", sysadmin.Token, CancellationToken);

        ApiAssert.Status(added, HttpStatusCode.OK);
        Assert.Contains("already exists", ApiAssert.ValidationError(twice)["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([user.Name], NamesOf(list.Result!));
        ApiAssert.Status(removed, HttpStatusCode.OK);
        ApiAssert.Failure(removedTwice, HttpStatusCode.NotFound, "Not Found Error");
        ApiAssert.Failure(unknown, HttpStatusCode.NotFound, "Not Found Error");
        ApiAssert.Messages(ApiAssert.ValidationError(missing), "username", "Missing value");
        Assert.Empty(listAfter.Result!.AsArray());
    }

    [Fact]
    public async Task Admin_actions_are_for_sysadmins_only()
    {
        await using var portal = await StartAsync();
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        await portal.ArrangeAsync("ckanext_showcase_admin_add", new JsonObject { ["username"] = user.Name }, CancellationToken);

        var add = await portal.PostAsync(
            "ckanext_showcase_admin_add", new JsonObject { ["username"] = user.Name }, user.Token, CancellationToken);
        var remove = await portal.PostAsync(
            "ckanext_showcase_admin_remove", new JsonObject { ["username"] = user.Name }, user.Token, CancellationToken);
        var list = await portal.GetAsync("/api/3/action/ckanext_showcase_admin_list", user.Token, CancellationToken);

        ApiAssert.Failure(add, HttpStatusCode.Forbidden, "Authorization Error");
        ApiAssert.Failure(remove, HttpStatusCode.Forbidden, "Authorization Error");
        ApiAssert.Failure(list, HttpStatusCode.Forbidden, "Authorization Error");
    }

    private static Task<TestPortal> StartAsync() =>
        TestPortal.StartAsync(new Dictionary<string, string> { ["ckan.plugins"] = "showcase" }, CancellationToken);

    private static async Task<string> CreateShowcaseAsync(TestPortal portal)
    {
        var name = Names.Unique("showcase");
        await portal.ArrangeAsync("ckanext_showcase_create", new JsonObject { ["name"] = name }, CancellationToken);
        return name;
    }

    private static Task LinkAsync(TestPortal portal, string showcase, string dataset) =>
        portal.ArrangeAsync(
            "ckanext_showcase_package_association_create",
            new JsonObject { ["showcase_id"] = showcase, ["package_id"] = dataset },
            CancellationToken);

    private static List<string> NamesOf(JsonNode list) =>
        list.AsArray().Select(item => item!["name"]!.GetValue<string>()).ToList();
}
