using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class PackageUpdateValidationTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejects_update_without_id()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "package_update", new JsonObject { ["notes"] = "no id" }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        Assert.Equal(JsonValueKind.String, error["id"]!.GetValueKind());
        Assert.Equal("Missing value", error["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Returns_not_found_for_unknown_dataset()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "package_update", new JsonObject { ["id"] = Names.Unique("missing") }, admin.Token, CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Equal("Not found: Package was not found.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejects_name_that_is_not_a_string()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_update", new JsonObject { ["id"] = id, ["name"] = 12345 }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Names must be strings");
        Assert.Equal([dataset["name"]!.GetValue<string>()], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_name_of_another_dataset()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var first = await portal.CreateDatasetAsync(org, CancellationToken);
        var second = await portal.CreateDatasetAsync(org, CancellationToken);

        var response = await portal.PostAsync(
            "package_patch",
            new JsonObject { ["id"] = second["id"]!.DeepClone(), ["name"] = first["name"]!.DeepClone() },
            admin.Token,
            CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "That URL is already in use.");
        var expected = new[] { first["name"]!.GetValue<string>(), second["name"]!.GetValue<string>() }
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_move_to_organization_without_rights()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var home = await portal.CreateOrganizationAsync(CancellationToken);
        var other = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(home, user, "editor", CancellationToken);
        await portal.AddMemberAsync(other, user, "member", CancellationToken);
        var dataset = await portal.CreateDatasetAsync(home, CancellationToken);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_patch", new JsonObject { ["id"] = id, ["owner_org"] = other }, user.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "owner_org", "You cannot add a dataset to this organization");
        var shown = await portal.ArrangeAsync("package_show", new JsonObject { ["id"] = id }, CancellationToken);
        Assert.Equal(home, shown!["organization"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejects_private_flag_on_dataset_without_organization()
    {
        var options = new Dictionary<string, string> { ["ckan.auth.create_unowned_dataset"] = "true" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await portal.CreateDatasetAsync(new JsonObject(), CancellationToken);
        var id = dataset["id"]!.GetValue<string>();

        var response = await portal.PostAsync(
            "package_patch", new JsonObject { ["id"] = id, ["private"] = true }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "private", "Datasets with no organization can't be private.");
        Assert.Equal([dataset["name"]!.GetValue<string>()], await portal.ListDatasetNamesAsync(CancellationToken));
    }
}
