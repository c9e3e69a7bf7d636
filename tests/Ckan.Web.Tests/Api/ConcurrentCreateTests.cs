using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

/// <summary>
/// Many requests racing to create objects with one name: exactly one wins and the others get CKAN's
/// validation error, never a server error, on either catalog backend.
/// </summary>
public sealed class ConcurrentCreateTests
{
    private const int Racers = 8;

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Package_create_race_makes_one_dataset()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var organization = await portal.CreateOrganizationAsync(CancellationToken);
        var name = Names.Unique("raced");

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => portal.PostAsync(
            "package_create",
            new JsonObject { ["name"] = name, ["owner_org"] = organization },
            admin.Token,
            CancellationToken)));

        Assert.Single(responses, response => response.Status == HttpStatusCode.OK);
        foreach (var lost in responses.Where(response => response.Status != HttpStatusCode.OK))
        {
            var error = ApiAssert.ValidationError(lost);
            ApiAssert.Messages(error, "name", "That URL is already in use.");
        }
    }

    [Fact]
    public async Task User_create_race_makes_one_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("racer");

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(index => portal.PostAsync(
            "user_create",
            new JsonObject
            {
                ["name"] = name,
                ["email"] = $"{name}-{index}@example.org",
                ["password"] = "correct horse battery",
            },
            admin.Token,
            CancellationToken)));

        Assert.Single(responses, response => response.Status == HttpStatusCode.OK);
        Assert.All(
            responses.Where(response => response.Status != HttpStatusCode.OK),
            lost => Assert.True(ApiAssert.ValidationError(lost).ContainsKey("name"), lost.Text));
    }
}
