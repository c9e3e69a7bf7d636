using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class RequestDecodingTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejects_body_that_is_not_valid_json()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var body = $$"""{"name": "{{Names.Unique("dataset")}}", "owner_org": "{{org}}",""";

        var response = await SendJsonAsync(portal, "package_create", body, admin.Token);

        var message = ApiAssert.BadRequest(response);
        Assert.StartsWith("Bad request - JSON Error: Error decoding JSON data.", message, StringComparison.Ordinal);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task Rejects_json_body_not_an_object(string body)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await SendJsonAsync(portal, "package_create", body, admin.Token);

        var message = ApiAssert.BadRequest(response);
        Assert.StartsWith("Bad request - JSON Error: Request data JSON decoded to ", message, StringComparison.Ordinal);
        Assert.EndsWith(" but it needs to be a dictionary.", message, StringComparison.Ordinal);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_get_on_action_that_writes()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var name = Names.Unique("dataset");

        var response = await portal.GetAsync(
            $"/api/3/action/package_create?name={name}&owner_org={org}", admin.Token, CancellationToken);

        Assert.Equal(
            "Bad request - JSON Error: Invalid request. Please use POST method for your request",
            ApiAssert.BadRequest(response));
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_unknown_action_with_bare_string()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync("no_such_action", new JsonObject(), cancellationToken: CancellationToken);

        Assert.Equal("Bad request - Action name not known: no_such_action", ApiAssert.BadRequest(response));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Returns_not_found_for_old_api_versions(int version)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var body = new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = org };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/{version}/action/package_create")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };

        var response = await portal.SendAsync(request, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.NotFound);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    public async Task Reads_legacy_single_field_json_form(string value)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var name = Names.Unique("dataset");
        var json = new JsonObject { ["name"] = name, ["owner_org"] = org, ["notes"] = "from a form" }.ToJsonString();

        var response = await SendFormAsync(portal, "package_create", [new(json, value)], admin.Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal("from a form", response.Result!["notes"]!.GetValue<string>());
        Assert.Equal([name], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Reads_form_fields_as_strings()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var name = Names.Unique("dataset");

        var response = await SendFormAsync(
            portal,
            "package_create",
            [new("name", name), new("owner_org", org), new("private", "true")],
            admin.Token);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(name, response.Result!["name"]!.GetValue<string>());
        Assert.True(response.Result!["private"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reads_repeated_form_key_as_list()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var first = await portal.CreateOrganizationAsync(CancellationToken);
        var second = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.CreateOrganizationAsync(CancellationToken);

        var response = await SendFormAsync(
            portal,
            "organization_list",
            [new("organizations", first), new("organizations", second), new("sort", "name")],
            token: null);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var expected = new[] { first, second }.Order(StringComparer.Ordinal);
        Assert.Equal(expected, response.Result!.AsArray().Select(name => name!.GetValue<string>()));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("t")]
    [InlineData("y")]
    [InlineData("on")]
    public async Task Reads_query_string_boolean_as_true(string value)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/organization_list?all_fields=" + value, cancellationToken: CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var only = Assert.Single(response.Result!.AsArray());
        Assert.Equal(org, only!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("no")]
    [InlineData("off")]
    public async Task Reads_query_string_boolean_as_false(string value)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/organization_list?all_fields=" + value, cancellationToken: CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var only = Assert.Single(response.Result!.AsArray());
        Assert.Equal(org, only!.GetValue<string>());
    }

    [Fact]
    public async Task Serves_unversioned_action_route()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(org, CancellationToken);

        var response = await portal.GetAsync("/api/action/package_list", cancellationToken: CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.True(response.Success);
        Assert.Equal(
            TestPortal.SiteUrl + "/api/3/action/help_show?name=package_list",
            response.Json!["help"]!.GetValue<string>());
        Assert.Equal(
            dataset["name"]!.GetValue<string>(), Assert.Single(response.Result!.AsArray())!.GetValue<string>());
    }

    private static async Task<ApiResponse> SendJsonAsync(TestPortal portal, string action, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/" + action)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return await portal.SendAsync(request, token, CancellationToken);
    }

    private static async Task<ApiResponse> SendFormAsync(
        TestPortal portal,
        string action,
        IEnumerable<KeyValuePair<string, string>> fields,
        string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/" + action)
        {
            Content = new FormUrlEncodedContent(fields),
        };
        return await portal.SendAsync(request, token, CancellationToken);
    }
}
