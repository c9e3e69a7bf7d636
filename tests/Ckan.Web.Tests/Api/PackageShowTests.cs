using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class PackageShowTests
{
    [Fact]
    public async Task Returns_dataset_created_by_sysadmin()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, TestContext.Current.CancellationToken);
        var org = Names.Unique("org");
        await portal.PostAsync("organization_create", new JsonObject { ["name"] = org }, admin.Token,
            TestContext.Current.CancellationToken);
        var name = Names.Unique("dataset");

        var created = await portal.PostAsync(
            "package_create",
            new JsonObject
            {
                ["name"] = name,
                ["owner_org"] = org,
                ["tags"] = new JsonArray(new JsonObject { ["name"] = "economy" }),
                ["extras"] = new JsonArray(new JsonObject { ["key"] = "b", ["value"] = "2" },
                    new JsonObject { ["key"] = "a", ["value"] = "1" }),
                ["resources"] = new JsonArray(new JsonObject { ["url"] = "http://example.org/data.csv" }),
            },
            admin.Token,
            TestContext.Current.CancellationToken);
        var shown = await portal.GetAsync("/api/3/action/package_show?id=" + name,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        var result = shown.Result!.AsObject();
        Assert.Equal(name, result["name"]!.GetValue<string>());
        Assert.Equal(name, result["title"]!.GetValue<string>());
        Assert.Equal(1, result["num_resources"]!.GetValue<int>());
        Assert.Equal("CSV", result["resources"]![0]!["format"]!.GetValue<string>());
        Assert.Equal(0, result["resources"]![0]!["position"]!.GetValue<int>());
        Assert.Equal("a", result["extras"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(org, result["organization"]!["name"]!.GetValue<string>());
        Assert.Equal("economy", result["tags"]![0]!["display_name"]!.GetValue<string>());
        Assert.True(Guid.TryParse(result["id"]!.GetValue<string>(), out _));
    }
}
