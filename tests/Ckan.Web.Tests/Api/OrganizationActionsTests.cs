using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class OrganizationActionsTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Statistics-Office", "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_")]
    [InlineData("x", "Must be at least 2 characters long")]
    [InlineData("new", "That name cannot be used")]
    public async Task Rejects_invalid_organization_name(string name, string message)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "organization_create", new JsonObject { ["name"] = name }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", message);
        Assert.Empty(await ListOrganizationsAsync(portal));
    }

    [Fact]
    public async Task Rejects_organization_without_name()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "organization_create", new JsonObject { ["title"] = "No name" }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Missing value");
        Assert.Empty(await ListOrganizationsAsync(portal));
    }

    [Fact]
    public async Task Rejects_name_of_existing_organization()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var existing = await portal.CreateOrganizationAsync(CancellationToken);

        var response = await portal.PostAsync(
            "organization_create",
            new JsonObject { ["name"] = existing, ["title"] = "Copy" },
            admin.Token,
            CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Group name already exists in database");
        Assert.Equal([existing], await ListOrganizationsAsync(portal));
    }

    [Fact]
    public async Task Rejects_organization_named_like_a_group()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);

        var response = await portal.PostAsync(
            "organization_create", new JsonObject { ["name"] = group }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Group name already exists in database");
        Assert.Empty(await ListOrganizationsAsync(portal));
    }

    [Fact]
    public async Task Makes_the_creating_user_its_admin()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var name = Names.Unique("org");

        var response = await portal.PostAsync(
            "organization_create", new JsonObject { ["name"] = name }, user.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.True(response.Result!["is_organization"]!.GetValue<bool>());
        var mine = await portal.GetAsync("/api/3/action/organization_list_for_user", user.Token, CancellationToken);
        var only = Assert.Single(mine.Result!.AsArray());
        Assert.Equal(name, only!["name"]!.GetValue<string>());
        Assert.Equal("admin", only["capacity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Denies_organization_creation_when_disabled()
    {
        var options = new Dictionary<string, string> { ["ckan.auth.user_create_organizations"] = "false" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var userId = (await portal.ArrangeAsync("user_show", new JsonObject { ["id"] = user.Name }, CancellationToken))!
            ["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "organization_create", new JsonObject { ["name"] = Names.Unique("org") }, user.Token, CancellationToken);

        // CKAN names the user by id in this message, unlike most others.
        ApiAssert.AuthorizationError(response, $"Access denied: User {userId} not authorized to create organizations");
        Assert.Empty(await ListOrganizationsAsync(portal));
    }

    [Fact]
    public async Task Denies_organization_creation_to_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync(
            "organization_create",
            new JsonObject { ["name"] = Names.Unique("org") },
            cancellationToken: CancellationToken);

        ApiAssert.AuthorizationError(
            response, "Access denied: Action organization_create requires an authenticated user");
        Assert.Empty(await ListOrganizationsAsync(portal));
    }

    [Fact]
    public async Task Rejects_deleting_organization_with_datasets()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);

        var response = await portal.PostAsync(
            "organization_delete", new JsonObject { ["id"] = org }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        Assert.Equal(JsonValueKind.String, error["message"]!.GetValueKind());
        Assert.Equal(
            "Organization cannot be deleted while it still has datasets", error["message"]!.GetValue<string>());
        var shown = await portal.GetAsync(
            "/api/3/action/organization_show?id=" + org, cancellationToken: CancellationToken);
        Assert.Equal("active", shown.Result!["state"]!.GetValue<string>());
        Assert.Equal(1, shown.Result!["package_count"]!.GetValue<int>());
        Assert.Equal([dataset["name"]!.GetValue<string>()], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Deletes_organization_after_its_datasets()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        await portal.ArrangeAsync(
            "package_delete", new JsonObject { ["id"] = dataset["id"]!.DeepClone() }, CancellationToken);

        var response = await portal.PostAsync(
            "organization_delete", new JsonObject { ["id"] = org }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Empty(await ListOrganizationsAsync(portal));
        var shown = await portal.GetAsync("/api/3/action/organization_show?id=" + org, admin.Token, CancellationToken);
        Assert.Equal("deleted", shown.Result!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_detaches_datasets_when_unowned_allowed()
    {
        var options = new Dictionary<string, string> { ["ckan.auth.create_unowned_dataset"] = "true" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);

        var response = await portal.PostAsync(
            "organization_delete", new JsonObject { ["id"] = org }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = await portal.GetAsync(
            "/api/3/action/package_show?id=" + dataset["id"]!.GetValue<string>(), admin.Token, CancellationToken);
        Assert.Null(shown.Result!["owner_org"]);
        Assert.Null(shown.Result!["organization"]);
    }

    private static async Task<string[]> ListOrganizationsAsync(TestPortal portal)
    {
        var response = await portal.GetAsync("/api/3/action/organization_list", cancellationToken: CancellationToken);
        ApiAssert.Status(response, HttpStatusCode.OK);
        return response.Result!.AsArray().Select(name => name!.GetValue<string>()).ToArray();
    }
}
