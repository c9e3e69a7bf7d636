using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class OrganizationMembershipTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejects_member_create_without_any_field()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync("member_create", new JsonObject(), admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "id", "Missing value");
        ApiAssert.Messages(error, "object", "Missing value");
        ApiAssert.Messages(error, "object_type", "Missing value");
        ApiAssert.Messages(error, "capacity", "Missing value");
    }

    [Fact]
    public async Task Rejects_member_create_without_capacity()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);

        var response = await portal.PostAsync(
            "member_create",
            new JsonObject { ["id"] = org, ["object"] = user.Name, ["object_type"] = "user" },
            admin.Token,
            CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "capacity", "Missing value");
        Assert.Equal(["__type", "capacity"], error.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        Assert.Empty(await ListUserMembersAsync(portal, org));
    }

    [Fact]
    public async Task Rejects_unknown_role()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);

        var response = await portal.PostAsync(
            "organization_member_create",
            new JsonObject { ["id"] = org, ["username"] = user.Name, ["role"] = "owner" },
            admin.Token,
            CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "role", "role does not exist.");
        Assert.Empty(await ListUserMembersAsync(portal, org));
    }

    [Fact]
    public async Task Lets_organization_admin_add_an_editor()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var newcomer = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, admin, "admin", CancellationToken);

        var response = await portal.PostAsync(
            "organization_member_create",
            new JsonObject { ["id"] = org, ["username"] = newcomer.Name, ["role"] = "editor" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal("editor", response.Result!["capacity"]!.GetValue<string>());
        Assert.Equal("user", response.Result!["table_name"]!.GetValue<string>());
        var create = await portal.PostAsync(
            "package_create",
            new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = org },
            newcomer.Token,
            CancellationToken);
        ApiAssert.Status(create, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Denies_member_management_to_editor()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var editor = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var newcomer = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, editor, "editor", CancellationToken);

        var response = await portal.PostAsync(
            "organization_member_create",
            new JsonObject { ["id"] = org, ["username"] = newcomer.Name, ["role"] = "member" },
            editor.Token,
            CancellationToken);

        ApiAssert.AuthorizationError(response, $"Access denied: User {editor.Name} not authorized to add members");
        Assert.Equal(["editor"], (await ListUserMembersAsync(portal, org)).Select(member => member.Capacity));
    }

    [Fact]
    public async Task Denies_member_create_to_organization_editor()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var editor = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var newcomer = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, editor, "editor", CancellationToken);
        var orgId = await OrganizationIdAsync(portal, org);

        var response = await portal.PostAsync(
            "member_create",
            new JsonObject
            {
                ["id"] = org,
                ["object"] = newcomer.Name,
                ["object_type"] = "user",
                ["capacity"] = "admin",
            },
            editor.Token,
            CancellationToken);

        ApiAssert.AuthorizationError(
            response, $"Access denied: User {editor.Name} not authorized to edit group {orgId}");
        Assert.Single(await ListUserMembersAsync(portal, org));
    }

    [Fact]
    public async Task Forbids_admin_to_demote_themself()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, admin, "admin", CancellationToken);

        var response = await portal.PostAsync(
            "organization_member_create",
            new JsonObject { ["id"] = org, ["username"] = admin.Name, ["role"] = "editor" },
            admin.Token,
            CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied: Administrators cannot revoke their own admin status");
        Assert.Equal(["admin"], (await ListUserMembersAsync(portal, org)).Select(member => member.Capacity));
    }

    [Fact]
    public async Task Lists_organizations_of_user_with_capacities()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var administered = await portal.CreateOrganizationAsync(CancellationToken);
        var edited = await portal.CreateOrganizationAsync(CancellationToken);
        var joined = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(administered, user, "admin", CancellationToken);
        await portal.AddMemberAsync(edited, user, "editor", CancellationToken);
        await portal.AddMemberAsync(joined, user, "member", CancellationToken);

        var response = await portal.GetAsync("/api/3/action/organization_list_for_user", user.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var capacities = Capacities(response);
        Assert.Equal(3, capacities.Count);
        Assert.Equal("admin", capacities[administered]);
        Assert.Equal("editor", capacities[edited]);
        Assert.Equal("member", capacities[joined]);
    }

    [Fact]
    public async Task Lists_organizations_granting_given_permission()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var edited = await portal.CreateOrganizationAsync(CancellationToken);
        var joined = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(edited, user, "editor", CancellationToken);
        await portal.AddMemberAsync(joined, user, "member", CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/organization_list_for_user?permission=create_dataset", user.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var capacities = Capacities(response);
        Assert.Equal("editor", Assert.Single(capacities, pair => pair.Key == edited).Value);
        Assert.DoesNotContain(joined, capacities.Keys);
    }

    [Fact]
    public async Task Lists_all_organizations_for_sysadmin()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var first = await portal.CreateOrganizationAsync(CancellationToken);
        var second = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.CreateGroupAsync(CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/organization_list_for_user?id=" + admin.Name, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var capacities = Capacities(response);
        Assert.Equal(2, capacities.Count);
        Assert.Equal("admin", capacities[first]);
        Assert.Equal("admin", capacities[second]);
    }

    private static Dictionary<string, string> Capacities(ApiResponse response) =>
        response.Result!.AsArray().ToDictionary(
            org => org!["name"]!.GetValue<string>(),
            org => org!["capacity"]!.GetValue<string>(),
            StringComparer.Ordinal);

    private static async Task<string> OrganizationIdAsync(TestPortal portal, string name)
    {
        var org = await portal.ArrangeAsync("organization_show", new JsonObject { ["id"] = name }, CancellationToken);
        return org!["id"]!.GetValue<string>();
    }

    private static async Task<IReadOnlyList<(string UserId, string Capacity)>> ListUserMembersAsync(
        TestPortal portal,
        string org)
    {
        var members = await portal.ArrangeAsync(
            "member_list", new JsonObject { ["id"] = org, ["object_type"] = "user" }, CancellationToken);
        return members!.AsArray()
            .Select(member => (member![0]!.GetValue<string>(), member[2]!.GetValue<string>()))
            .ToList();
    }
}
