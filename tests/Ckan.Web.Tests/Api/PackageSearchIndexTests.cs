using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

/// <summary>
/// package_search through HTTP on the real index: writes show up in results at once, facets carry
/// display names, and private datasets never leak through results or facet counts.
/// </summary>
public sealed class PackageSearchIndexTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finds_dataset_right_after_create_with_accent_folding()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            new JsonObject { ["owner_org"] = org, ["title"] = "Población por municipio" }, CancellationToken);

        var response = await portal.GetAsync("/api/3/action/package_search?q=poblacion", cancellationToken: CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(1, response.Result!["count"]!.GetValue<int>());
        Assert.Equal(dataset["id"]!.GetValue<string>(), response.Result!["results"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Returns_facets_with_organization_titles()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.ArrangeAsync("organization_patch", new JsonObject { ["id"] = org, ["title"] = "Water Board" }, CancellationToken);
        foreach (var format in new[] { "CSV", "CSV", "JSON" })
        {
            await portal.CreateDatasetAsync(
                new JsonObject
                {
                    ["owner_org"] = org,
                    ["resources"] = new JsonArray(new JsonObject { ["url"] = "http://example.org/x", ["format"] = format }),
                },
                CancellationToken);
        }

        var response = await portal.GetAsync(
            "/api/3/action/package_search?facet.field=[\"organization\",\"res_format\"]&rows=0",
            cancellationToken: CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var result = response.Result!.AsObject();
        Assert.Equal(3, result["count"]!.GetValue<int>());
        Assert.Empty(result["results"]!.AsArray());
        Assert.Equal(3, result["facets"]!["organization"]![org]!.GetValue<int>());
        Assert.Equal(2, result["facets"]!["res_format"]!["CSV"]!.GetValue<int>());
        var item = result["search_facets"]!["organization"]!["items"]![0]!;
        Assert.Equal("Water Board", item["display_name"]!.GetValue<string>());
        Assert.Equal(org, item["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keeps_private_datasets_out_of_results_and_facets_for_outsiders()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var member = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var outsider = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        await portal.AddMemberAsync(org, member, "member", CancellationToken);
        await portal.CreateDatasetAsync(new JsonObject { ["owner_org"] = org, ["private"] = true }, CancellationToken);
        const string query = "/api/3/action/package_search?include_private=true&facet.field=[\"organization\"]";

        var anonymous = await portal.GetAsync(query, cancellationToken: CancellationToken);
        var stranger = await portal.GetAsync(query, outsider.Token, CancellationToken);
        var insider = await portal.GetAsync(query, member.Token, CancellationToken);
        var insiderWithoutFlag = await portal.GetAsync(
            "/api/3/action/package_search?facet.field=[\"organization\"]", member.Token, CancellationToken);

        Assert.Equal(0, anonymous.Result!["count"]!.GetValue<int>());
        Assert.Empty(anonymous.Result!["facets"]!["organization"]!.AsObject());
        Assert.Equal(0, stranger.Result!["count"]!.GetValue<int>());
        Assert.Empty(stranger.Result!["facets"]!["organization"]!.AsObject());
        Assert.Equal(1, insider.Result!["count"]!.GetValue<int>());
        Assert.Equal(1, insider.Result!["facets"]!["organization"]![org]!.GetValue<int>());
        Assert.Equal(0, insiderWithoutFlag.Result!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reflects_organization_rename_and_dataset_delete()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var kept = await portal.CreateDatasetAsync(org, CancellationToken);
        var deleted = await portal.CreateDatasetAsync(org, CancellationToken);
        var renamed = Names.Unique("renamed");
        await portal.ArrangeAsync("organization_patch", new JsonObject { ["id"] = org, ["name"] = renamed }, CancellationToken);
        await portal.ArrangeAsync("package_delete", new JsonObject { ["id"] = deleted["id"]!.DeepClone() }, CancellationToken);

        var byNewName = await portal.GetAsync(
            "/api/3/action/package_search?fq=organization:" + renamed, cancellationToken: CancellationToken);
        var byOldName = await portal.GetAsync(
            "/api/3/action/package_search?fq=organization:" + org, cancellationToken: CancellationToken);

        Assert.Equal(1, byNewName.Result!["count"]!.GetValue<int>());
        Assert.Equal(kept["id"]!.GetValue<string>(), byNewName.Result!["results"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(renamed, byNewName.Result!["results"]![0]!["organization"]!["name"]!.GetValue<string>());
        Assert.Equal(0, byOldName.Result!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Finds_dataset_by_group_after_member_create()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);
        await portal.ArrangeAsync(
            "member_create",
            new JsonObject
            {
                ["id"] = group,
                ["object"] = dataset["id"]!.DeepClone(),
                ["object_type"] = "package",
                ["capacity"] = "public",
            },
            CancellationToken);

        var response = await portal.GetAsync("/api/3/action/package_search?fq=groups:" + group, cancellationToken: CancellationToken);

        Assert.Equal(1, response.Result!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rejects_unbalanced_query_with_search_query_error()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/package_search?q=title:\"unclosed", cancellationToken: CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.BadRequest, "Search Query Error");
        Assert.StartsWith("Search Query is invalid:", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejects_local_parameters_with_search_error()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/package_search?q={!lucene}name:x", cancellationToken: CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Search Error");
        Assert.Equal(
            "Search error: \"Local parameters are not supported in param 'q'.\"",
            error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejects_facet_field_that_is_not_a_list()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/package_search?facet.field=organization", cancellationToken: CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "facet.field", "Not a list");
    }

    [Fact]
    public async Task Returns_only_requested_fields_with_fl()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);

        var response = await portal.GetAsync("/api/3/action/package_search?fl=id,name", cancellationToken: CancellationToken);

        var hit = response.Result!["results"]![0]!.AsObject();
        Assert.Equal(["id", "name"], hit.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        Assert.Equal(dataset["name"]!.GetValue<string>(), hit["name"]!.GetValue<string>());
    }
}
