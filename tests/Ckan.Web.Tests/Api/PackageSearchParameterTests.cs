using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class PackageSearchParameterTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejects_unknown_search_parameter()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/package_search?q=water&colour=blue", cancellationToken: CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.BadRequest, "Search Query Error");
        Assert.Equal(
            "Search Query is invalid: \"Invalid search parameters: ['colour']\"",
            error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejects_unknown_parameter_in_json_body()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync(
            "package_search", new JsonObject { ["query"] = "water" }, cancellationToken: CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.BadRequest, "Search Query Error");
        Assert.Equal(
            "Search Query is invalid: \"Invalid search parameters: ['query']\"",
            error["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("rows=ten", "rows", "Invalid integer")]
    [InlineData("rows=-1", "rows", "Must be a natural number")]
    [InlineData("start=1.5", "start", "Invalid integer")]
    [InlineData("start=-5", "start", "Must be a natural number")]
    public async Task Rejects_invalid_rows_and_start(string query, string field, string message)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/package_search?" + query, cancellationToken: CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, field, message);
    }

    [Fact]
    public async Task Pages_with_rows_and_start()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var names = new List<string>();
        for (var index = 0; index < 3; index++)
        {
            names.Add((await portal.CreateDatasetAsync(org, CancellationToken))["name"]!.GetValue<string>());
        }

        var response = await portal.GetAsync(
            "/api/3/action/package_search?rows=1&start=1&sort=name%20asc", cancellationToken: CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(3, response.Result!["count"]!.GetValue<int>());
        var only = Assert.Single(response.Result!["results"]!.AsArray());
        Assert.Equal(names.Order(StringComparer.Ordinal).ElementAt(1), only!["name"]!.GetValue<string>());
    }
}
