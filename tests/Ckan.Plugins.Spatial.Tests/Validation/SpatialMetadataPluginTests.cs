using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Plugins.Spatial.Tests.Validation;

public sealed class SpatialMetadataPluginTests
{
    [Theory]
    [InlineData("{\"type\": \"Polygon\", ", "Error decoding JSON object: ")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""", "Error: Wrong GeoJSON object: ")]
    [InlineData("""{"type":"Circle","coordinates":[0,0]}""", "Error: Wrong GeoJSON object: ")]
    [InlineData("[1, 2]", "Error: Wrong GeoJSON object: ")]
    public async Task Create_rejects_invalid_spatial_extra(string spatial, string messageStart)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync(cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var organization = await CreateOrganizationAsync(portal, cancellationToken);

        var response = await portal.PostAsync(
            "package_create",
            Dataset(Names.Unique("bad-extent"), organization, spatial),
            admin.Token,
            cancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("Validation Error", response.Error["__type"]!.GetValue<string>());
        var messages = response.Error["spatial"]!.AsArray();
        Assert.Single(messages);
        Assert.StartsWith(messageStart, messages[0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_rejects_invalid_spatial_extra()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync(cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var organization = await CreateOrganizationAsync(portal, cancellationToken);
        var name = Names.Unique("paris");
        await portal.ArrangeAsync(
            "package_create",
            Dataset(name, organization, """{"type":"Point","coordinates":[2.35,48.86]}"""),
            cancellationToken);

        var update = await portal.PostAsync(
            "package_update", Dataset(name, organization, "POINT (2.35 48.86)"), admin.Token, cancellationToken);
        var patch = await portal.PostAsync(
            "package_patch",
            new JsonObject { ["id"] = name, ["spatial"] = """{"type":"Point"}""" },
            admin.Token,
            cancellationToken);
        var shown = await portal.GetAsync("/api/3/action/package_show?id=" + name, cancellationToken: cancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, update.Status);
        Assert.StartsWith(
            "Error decoding JSON object: ", update.Error["spatial"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, patch.Status);
        Assert.StartsWith(
            "Error: Wrong GeoJSON object: ", patch.Error["spatial"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var extra = shown.Result!["extras"]!.AsArray().Single(item => item!["key"]!.GetValue<string>() == "spatial");
        Assert.Equal("""{"type":"Point","coordinates":[2.35,48.86]}""", extra!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Valid_extent_is_kept_as_extra()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync(cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var organization = await CreateOrganizationAsync(portal, cancellationToken);
        const string Polygon =
            """{"type":"Polygon","coordinates":[[[-5.1,41.3],[9.6,41.3],[9.6,51.1],[-5.1,51.1],[-5.1,41.3]]]}""";

        var response = await portal.PostAsync(
            "package_create", Dataset(Names.Unique("france"), organization, Polygon), admin.Token, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var extra = response.Result!["extras"]!.AsArray().Single();
        Assert.Equal("spatial", extra!["key"]!.GetValue<string>());
        Assert.Equal(Polygon, extra["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dataset_without_extent_is_accepted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync(cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var organization = await CreateOrganizationAsync(portal, cancellationToken);

        var response = await portal.PostAsync(
            "package_create",
            new JsonObject { ["name"] = Names.Unique("register"), ["owner_org"] = organization },
            admin.Token,
            cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    private static Task<TestPortal> StartAsync(CancellationToken cancellationToken) =>
        TestPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.plugins"] = "spatial_metadata" },
            cancellationToken);

    private static async Task<string> CreateOrganizationAsync(TestPortal portal, CancellationToken cancellationToken)
    {
        var name = Names.Unique("org");
        await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = name }, cancellationToken);
        return name;
    }

    private static JsonObject Dataset(string name, string organization, string spatial) => new()
    {
        ["name"] = name,
        ["owner_org"] = organization,
        ["extras"] = new JsonArray(new JsonObject { ["key"] = "spatial", ["value"] = spatial }),
    };
}
