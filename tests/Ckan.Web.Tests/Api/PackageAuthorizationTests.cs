using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class PackageAuthorizationTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Denies_dataset_creation_to_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.PostAsync(
            "package_create",
            new JsonObject { ["name"] = name, ["owner_org"] = org },
            cancellationToken: CancellationToken);

        // CKAN prints the empty user name of an anonymous caller, hence the double space.
        ApiAssert.AuthorizationError(response, "Access denied: User  not authorized to create packages");
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Denies_dataset_creation_to_user_without_organization()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.PostAsync(
            "package_create", new JsonObject { ["name"] = name }, user.Token, CancellationToken);

        ApiAssert.AuthorizationError(response, $"Access denied: User {user.Name} not authorized to create packages");
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Allows_unowned_dataset_when_enabled()
    {
        var options = new Dictionary<string, string> { ["ckan.auth.create_unowned_dataset"] = "true" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.PostAsync(
            "package_create", new JsonObject { ["name"] = name }, user.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Null(response.Result!["owner_org"]);
        Assert.Equal([name], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Denies_dataset_creation_to_organization_member()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, user, "member", CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.PostAsync(
            "package_create", new JsonObject { ["name"] = name, ["owner_org"] = org }, user.Token, CancellationToken);

        ApiAssert.AuthorizationError(response, $"Access denied: User {user.Name} not authorized to create packages");
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Denies_owner_org_where_user_is_member()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var editedOrg = await portal.CreateOrganizationAsync(CancellationToken);
        var memberOrg = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(editedOrg, user, "editor", CancellationToken);
        await portal.AddMemberAsync(memberOrg, user, "member", CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.PostAsync(
            "package_create",
            new JsonObject { ["name"] = name, ["owner_org"] = memberOrg },
            user.Token,
            CancellationToken);

        ApiAssert.AuthorizationError(
            response, $"Access denied: User {user.Name} not authorized to add dataset to this organization");
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Denies_unknown_owner_org_to_plain_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, user, "editor", CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.PostAsync(
            "package_create",
            new JsonObject { ["name"] = name, ["owner_org"] = Names.Unique("missing") },
            user.Token,
            CancellationToken);

        ApiAssert.AuthorizationError(
            response, $"Access denied: User {user.Name} not authorized to add dataset to this organization");
        await AssertNotStoredAsync(portal, name);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("admin")]
    public async Task Allows_dataset_creation_to_organization_role(string capacity)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, user, capacity, CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.PostAsync(
            "package_create", new JsonObject { ["name"] = name, ["owner_org"] = org }, user.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(org, response.Result!["organization"]!["name"]!.GetValue<string>());
        Assert.Equal([name], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Denies_dataset_update_to_organization_member()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, user, "member", CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_patch", new JsonObject { ["id"] = id, ["notes"] = "changed" }, user.Token, CancellationToken);

        ApiAssert.AuthorizationError(response, $"Access denied: User {user.Name} not authorized to edit package {id}");
        var shown = await ShowAsync(portal, id, token: null);
        Assert.Null(shown.Result!["notes"]);
    }

    [Theory]
    [InlineData("member")]
    [InlineData("editor")]
    [InlineData("admin")]
    public async Task Shows_private_dataset_to_organization_role(string capacity)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var (org, dataset) = await ArrangePrivateDatasetAsync(portal);
        await portal.AddMemberAsync(org, user, capacity, CancellationToken);

        var response = await ShowAsync(portal, dataset, user.Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.True(response.Result!["private"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Shows_private_dataset_to_sysadmin()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (_, dataset) = await ArrangePrivateDatasetAsync(portal);

        var response = await ShowAsync(portal, dataset, admin.Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(dataset, response.Result!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Denies_private_dataset_to_user_outside_organization()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var (_, dataset) = await ArrangePrivateDatasetAsync(portal);
        var otherOrg = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(otherOrg, user, "admin", CancellationToken);
        var id = await IdOfAsync(portal, dataset);

        var response = await ShowAsync(portal, dataset, user.Token);

        ApiAssert.AuthorizationError(response, $"Access denied: User {user.Name} not authorized to read package {id}");
    }

    [Fact]
    public async Task Denies_private_dataset_to_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (_, dataset) = await ArrangePrivateDatasetAsync(portal);
        var id = await IdOfAsync(portal, dataset);

        var response = await ShowAsync(portal, dataset, token: null);

        ApiAssert.AuthorizationError(response, $"Access denied: User  not authorized to read package {id}");
    }

    [Fact]
    public async Task Hides_private_dataset_from_package_list()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var (org, _) = await ArrangePrivateDatasetAsync(portal);
        await portal.AddMemberAsync(org, user, "admin", CancellationToken);
        var visible = await portal.CreateDatasetAsync(org, CancellationToken);

        var anonymous = await portal.GetAsync("/api/3/action/package_list", cancellationToken: CancellationToken);
        var member = await portal.GetAsync("/api/3/action/package_list", user.Token, CancellationToken);

        var expected = new[] { visible["name"]!.GetValue<string>() };
        Assert.Equal(expected, anonymous.Result!.AsArray().Select(name => name!.GetValue<string>()));
        Assert.Equal(expected, member.Result!.AsArray().Select(name => name!.GetValue<string>()));
    }

    [Fact]
    public async Task Hides_private_dataset_from_outsider_search()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var outsider = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        await ArrangePrivateDatasetAsync(portal);
        const string Search = "/api/3/action/package_search?include_private=true";

        var anonymous = await portal.GetAsync(Search, cancellationToken: CancellationToken);
        var other = await portal.GetAsync(Search, outsider.Token, CancellationToken);

        ApiAssert.Status(anonymous, HttpStatusCode.OK);
        Assert.Equal(0, anonymous.Result!["count"]!.GetValue<int>());
        Assert.Empty(anonymous.Result!["results"]!.AsArray());
        ApiAssert.Status(other, HttpStatusCode.OK);
        Assert.Equal(0, other.Result!["count"]!.GetValue<int>());
        Assert.Empty(other.Result!["results"]!.AsArray());
    }

    [Fact]
    public async Task Member_finds_private_dataset_with_include_private()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var (org, dataset) = await ArrangePrivateDatasetAsync(portal);
        await portal.AddMemberAsync(org, user, "member", CancellationToken);

        var withPrivate = await portal.GetAsync(
            "/api/3/action/package_search?include_private=true", user.Token, CancellationToken);
        var withoutPrivate = await portal.GetAsync("/api/3/action/package_search", user.Token, CancellationToken);

        var found = Assert.Single(withPrivate.Result!["results"]!.AsArray());
        Assert.Equal(dataset, found!["name"]!.GetValue<string>());
        Assert.Equal(0, withoutPrivate.Result!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Denies_dataset_purge_to_organization_admin()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, user, "admin", CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var name = dataset["name"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "dataset_purge", new JsonObject { ["id"] = name }, user.Token, CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied");
        Assert.Equal([name], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Denies_dataset_purge_to_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var name = dataset["name"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "dataset_purge", new JsonObject { ["id"] = name }, cancellationToken: CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied: Action dataset_purge requires an authenticated user");
        Assert.Equal([name], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Runs_jsonp_request_as_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (_, dataset) = await ArrangePrivateDatasetAsync(portal);
        var id = await IdOfAsync(portal, dataset);

        var response = await portal.GetAsync(
            $"/api/3/action/package_show?id={dataset}&callback=show", admin.Token, CancellationToken);

        ApiAssert.AuthorizationError(response, $"Access denied: User  not authorized to read package {id}");
    }

    [Fact]
    public async Task Wraps_successful_jsonp_response_in_callback()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var name = dataset["name"]!.GetValue<string>();

        var response = await portal.GetAsync(
            $"/api/3/action/package_show?id={name}&callback=show", cancellationToken: CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal("application/javascript", response.ContentType?.MediaType);
        Assert.StartsWith("show(", response.Text, StringComparison.Ordinal);
        Assert.EndsWith(");", response.Text, StringComparison.Ordinal);
        var envelope = JsonNode.Parse(response.Text["show(".Length..^2])!;
        Assert.Equal(name, envelope["result"]!["name"]!.GetValue<string>());
    }

    private static async Task<(string Organization, string Dataset)> ArrangePrivateDatasetAsync(TestPortal portal)
    {
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            new JsonObject { ["owner_org"] = org, ["private"] = true }, CancellationToken);
        return (org, dataset["name"]!.GetValue<string>());
    }

    private static async Task<string> IdOfAsync(TestPortal portal, string name)
    {
        var dataset = await portal.ArrangeAsync("package_show", new JsonObject { ["id"] = name }, CancellationToken);
        return dataset!["id"]!.GetValue<string>();
    }

    private static Task<ApiResponse> ShowAsync(TestPortal portal, string idOrName, string? token) =>
        portal.GetAsync("/api/3/action/package_show?id=" + idOrName, token, CancellationToken);

    private static async Task AssertNotStoredAsync(TestPortal portal, string name)
    {
        await ApiAssert.NoDatasetAsync(portal, name, CancellationToken);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }
}
