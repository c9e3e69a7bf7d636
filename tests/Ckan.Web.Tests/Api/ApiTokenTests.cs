using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class ApiTokenTests
{
    private const string AnonymousCreateDenied = "Access denied: User  not authorized to create packages";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejects_token_request_without_user_and_name()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync("api_token_create", new JsonObject(), admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "user", "Missing value");
        ApiAssert.Messages(error, "name", "Missing value");
        Assert.Equal(["test"], await ListTokenNamesAsync(portal, admin));
    }

    [Fact]
    public async Task Rejects_token_request_without_name()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync(
            "api_token_create", new JsonObject { ["user"] = user.Name }, user.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Missing value");
        Assert.False(error.ContainsKey("user"));
        Assert.Equal(["test"], await ListTokenNamesAsync(portal, user));
    }

    [Fact]
    public async Task Returns_not_found_for_unknown_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "api_token_create",
            new JsonObject { ["user"] = Names.Unique("missing"), ["name"] = "cli" },
            admin.Token,
            CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Equal("Not found: User not found", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creates_token_that_authenticates_its_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync(
            "api_token_create",
            new JsonObject { ["user"] = user.Name, ["name"] = "cli" },
            user.Token,
            CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var token = response.Result!["token"]!.GetValue<string>();
        var self = await portal.GetAsync("/api/3/action/user_show", token, CancellationToken);
        Assert.Equal(user.Name, self.Result!["name"]!.GetValue<string>());
        Assert.Equal(["cli", "test"], await ListTokenNamesAsync(portal, user));
    }

    [Fact]
    public async Task Denies_token_for_another_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var caller = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var target = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync(
            "api_token_create",
            new JsonObject { ["user"] = target.Name, ["name"] = "stolen" },
            caller.Token,
            CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied");
        Assert.Equal(["test"], await ListTokenNamesAsync(portal, target));
    }

    [Fact]
    public async Task Denies_token_request_to_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var target = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync(
            "api_token_create",
            new JsonObject { ["user"] = target.Name, ["name"] = "stolen" },
            cancellationToken: CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied: Action api_token_create requires an authenticated user");
        Assert.Equal(["test"], await ListTokenNamesAsync(portal, target));
    }

    [Fact]
    public async Task Denies_token_list_of_another_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var caller = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var target = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/api_token_list?user_id=" + target.Name, caller.Token, CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied");
    }

    [Fact]
    public async Task Treats_revoked_token_as_anonymous()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (user, org) = await ArrangeEditorAsync(portal);
        var jti = await SingleTokenIdAsync(portal, user);

        var revoked = await portal.PostAsync(
            "api_token_revoke", new JsonObject { ["jti"] = jti }, user.Token, CancellationToken);
        var create = await CreateDatasetAsync(portal, org, user.Token);

        ApiAssert.Status(revoked, HttpStatusCode.OK);
        ApiAssert.AuthorizationError(create, AnonymousCreateDenied);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
        var tokens = await portal.ArrangeAsync(
            "api_token_list", new JsonObject { ["user_id"] = user.Name }, CancellationToken);
        Assert.Empty(tokens!.AsArray());
    }

    [Fact]
    public async Task Revokes_token_given_as_jwt()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (user, org) = await ArrangeEditorAsync(portal);

        var revoked = await portal.PostAsync(
            "api_token_revoke", new JsonObject { ["token"] = user.Token }, user.Token, CancellationToken);
        var create = await CreateDatasetAsync(portal, org, user.Token);

        ApiAssert.Status(revoked, HttpStatusCode.OK);
        ApiAssert.AuthorizationError(create, AnonymousCreateDenied);
    }

    [Fact]
    public async Task Denies_revoking_token_of_another_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var caller = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var (owner, org) = await ArrangeEditorAsync(portal);
        var jti = await SingleTokenIdAsync(portal, owner);

        var response = await portal.PostAsync(
            "api_token_revoke", new JsonObject { ["jti"] = jti }, caller.Token, CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied");
        var create = await CreateDatasetAsync(portal, org, owner.Token);
        ApiAssert.Status(create, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2lnbmF0dXJl")]
    [InlineData("a.b.c")]
    public async Task Treats_undecodable_token_as_anonymous(string token)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (_, org) = await ArrangeEditorAsync(portal);

        var response = await CreateDatasetAsync(portal, org, token);

        ApiAssert.AuthorizationError(response, AnonymousCreateDenied);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Treats_forged_token_as_anonymous()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (user, org) = await ArrangeEditorAsync(portal);
        var forged = SignJwt($$"""{"jti":"{{await SingleTokenIdAsync(portal, user)}}","iat":0}""", "another secret");

        var response = await CreateDatasetAsync(portal, org, forged);

        ApiAssert.AuthorizationError(response, AnonymousCreateDenied);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    private static async Task<(TestUser User, string Organization)> ArrangeEditorAsync(TestPortal portal)
    {
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, user, "editor", CancellationToken);
        return (user, org);
    }

    private static Task<ApiResponse> CreateDatasetAsync(TestPortal portal, string organization, string token) =>
        portal.PostAsync(
            "package_create",
            new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = organization },
            token,
            CancellationToken);

    private static async Task<string[]> ListTokenNamesAsync(TestPortal portal, TestUser user)
    {
        var tokens = await portal.ArrangeAsync(
            "api_token_list", new JsonObject { ["user_id"] = user.Name }, CancellationToken);
        return tokens!.AsArray()
            .Select(token => token!["name"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static async Task<string> SingleTokenIdAsync(TestPortal portal, TestUser user)
    {
        var tokens = await portal.ArrangeAsync(
            "api_token_list", new JsonObject { ["user_id"] = user.Name }, CancellationToken);
        return Assert.Single(tokens!.AsArray())!["id"]!.GetValue<string>();
    }

    private static string SignJwt(string payload, string secret)
    {
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var body = Base64Url(Encoding.UTF8.GetBytes(payload));
        var signature = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + body));
        return header + "." + body + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
