using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class GroupActionsTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adds_dataset_to_groups_in_its_list()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.PostAsync(
            "package_create",
            new JsonObject
            {
                ["name"] = name,
                ["owner_org"] = org,
                ["groups"] = new JsonArray(new JsonObject { ["name"] = group }),
            },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal([group], GroupNames(response.Result!));
        Assert.Equal(1, await PackageCountAsync(portal, group));
    }

    [Fact]
    public async Task Group_member_adds_dataset_with_member_create()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        await portal.AddMemberAsync(group, user, "member", CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);
        var name = dataset["name"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "member_create",
            new JsonObject { ["id"] = group, ["object"] = name, ["object_type"] = "package", ["capacity"] = "public" },
            user.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal("package", response.Result!["table_name"]!.GetValue<string>());
        Assert.Equal(dataset["id"]!.GetValue<string>(), response.Result!["table_id"]!.GetValue<string>());
        Assert.Equal("active", response.Result!["state"]!.GetValue<string>());
        var shown = await portal.GetAsync(
            "/api/3/action/package_show?id=" + name, cancellationToken: CancellationToken);
        Assert.Equal([group], GroupNames(shown.Result!));
    }

    [Fact]
    public async Task Denies_dataset_member_to_outsider()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);
        var groupId = (await portal.ArrangeAsync("group_show", new JsonObject { ["id"] = group }, CancellationToken))!
            ["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "member_create",
            new JsonObject
            {
                ["id"] = group,
                ["object"] = dataset["name"]!.DeepClone(),
                ["object_type"] = "package",
                ["capacity"] = "public",
            },
            user.Token,
            CancellationToken);

        ApiAssert.AuthorizationError(
            response, $"Access denied: User {user.Name} not authorized to edit group {groupId}");
        Assert.Equal(0, await PackageCountAsync(portal, group));
    }

    [Fact]
    public async Task Denies_member_create_to_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            await portal.CreateOrganizationAsync(CancellationToken), CancellationToken);

        var response = await portal.PostAsync(
            "member_create",
            new JsonObject
            {
                ["id"] = group,
                ["object"] = dataset["name"]!.DeepClone(),
                ["object_type"] = "package",
                ["capacity"] = "public",
            },
            cancellationToken: CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied: Action member_create requires an authenticated user");
        Assert.Equal(0, await PackageCountAsync(portal, group));
    }

    [Fact]
    public async Task Returns_not_found_for_unknown_group()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "member_create",
            new JsonObject
            {
                ["id"] = Names.Unique("missing"),
                ["object"] = admin.Name,
                ["object_type"] = "user",
                ["capacity"] = "member",
            },
            admin.Token,
            CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Equal("Not found: Group was not found.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_with_empty_groups_leaves_groups()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            new JsonObject
            {
                ["owner_org"] = await portal.CreateOrganizationAsync(CancellationToken),
                ["groups"] = new JsonArray(new JsonObject { ["name"] = group }),
            },
            CancellationToken);

        var response = await portal.PostAsync(
            "package_patch",
            new JsonObject { ["id"] = dataset["id"]!.DeepClone(), ["groups"] = new JsonArray() },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Empty(GroupNames(response.Result!));
        Assert.Equal(0, await PackageCountAsync(portal, group));
    }

    [Fact]
    public async Task Dataset_delete_leaves_its_groups()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            new JsonObject
            {
                ["owner_org"] = await portal.CreateOrganizationAsync(CancellationToken),
                ["groups"] = new JsonArray(new JsonObject { ["name"] = group }),
            },
            CancellationToken);

        var response = await portal.PostAsync(
            "package_delete", new JsonObject { ["id"] = dataset["id"]!.DeepClone() }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(0, await PackageCountAsync(portal, group));
        var members = await portal.ArrangeAsync(
            "member_list", new JsonObject { ["id"] = group, ["object_type"] = "package" }, CancellationToken);
        Assert.Empty(members!.AsArray());
    }

    private static string[] GroupNames(JsonNode dataset) =>
        dataset["groups"]!.AsArray().Select(group => group!["name"]!.GetValue<string>()).ToArray();

    private static async Task<int> PackageCountAsync(TestPortal portal, string group)
    {
        var response = await portal.GetAsync(
            "/api/3/action/group_show?id=" + group, cancellationToken: CancellationToken);
        ApiAssert.Status(response, HttpStatusCode.OK);
        return response.Result!["package_count"]!.GetValue<int>();
    }
}
