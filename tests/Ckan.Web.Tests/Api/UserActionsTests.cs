using System.Net;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class UserActionsTests
{
    private const string Password = "correct horse battery";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejects_user_with_invalid_email()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("user");

        var response = await CreateAsync(portal, NewUser(name, "not-an-email"), admin.Token);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "email", "Email not-an-email is not a valid format");
        await AssertNoUserAsync(portal, name);
    }

    [Fact]
    public async Task Rejects_password_under_eight_characters()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("user");
        var user = NewUser(name, name + "@example.org");
        user["password"] = "1234567";

        var response = await CreateAsync(portal, user, admin.Token);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "password", "Your password must be 8 characters or longer");
        await AssertNoUserAsync(portal, name);
    }

    [Fact]
    public async Task Rejects_user_without_required_fields()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await CreateAsync(portal, new JsonObject(), admin.Token);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Missing value");
        ApiAssert.Messages(error, "email", "Missing value");
        ApiAssert.Messages(error, "password", "Missing value");
        var users = await portal.ArrangeAsync("user_list", new JsonObject { ["all_fields"] = false }, CancellationToken);
        Assert.Equal([admin.Name], users!.AsArray().Select(name => name!.GetValue<string>()));
    }

    [Fact]
    public async Task Rejects_name_of_existing_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var existing = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await CreateAsync(portal, NewUser(existing.Name, "other@example.org"), admin.Token);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "That login name is not available.");
        var stored = await portal.ArrangeAsync(
            "user_show", new JsonObject { ["id"] = existing.Name }, CancellationToken);
        Assert.Equal(existing.Name + "@example.org", stored!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejects_registered_email_in_any_case()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var existing = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var name = Names.Unique("user");
        var email = existing.Name.ToUpperInvariant() + "@example.org";

        var response = await CreateAsync(portal, NewUser(name, email), admin.Token);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "email", $"The email address '{email}' belongs to a registered user.");
        await AssertNoUserAsync(portal, name);
    }

    [Fact]
    public async Task Denies_user_creation_to_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var name = Names.Unique("user");

        var response = await CreateAsync(portal, NewUser(name, name + "@example.org"), token: null);

        ApiAssert.AuthorizationError(response, "Access denied: User  not authorized to create users via the API");
        await AssertNoUserAsync(portal, name);
    }

    [Fact]
    public async Task Denies_user_creation_to_plain_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var caller = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var name = Names.Unique("user");

        var response = await CreateAsync(portal, NewUser(name, name + "@example.org"), caller.Token);

        ApiAssert.AuthorizationError(
            response, $"Access denied: User {caller.Name} not authorized to create users via the API");
        await AssertNoUserAsync(portal, name);
    }

    [Fact]
    public async Task Allows_anonymous_user_creation_when_enabled()
    {
        var options = new Dictionary<string, string> { ["ckan.auth.create_user_via_api"] = "true" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var name = Names.Unique("user");
        var user = NewUser(name, name + "@example.org");
        user["sysadmin"] = true;
        user["with_apitoken"] = true;

        var response = await CreateAsync(portal, user, token: null);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(name, response.Result!["name"]!.GetValue<string>());
        Assert.False(response.Result!["sysadmin"]!.GetValue<bool>());
        Assert.False(response.Result!.AsObject().ContainsKey("password"));
        var token = response.Result!["token"]!.GetValue<string>();
        var self = await portal.GetAsync("/api/3/action/user_show", token, CancellationToken);
        Assert.Equal(name, self.Result!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Denies_user_delete_to_plain_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var caller = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var target = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync(
            "user_delete", new JsonObject { ["id"] = target.Name }, caller.Token, CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied");
        await AssertUserStateAsync(portal, target.Name, "active");
    }

    [Fact]
    public async Task Denies_user_delete_to_anonymous_caller()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var target = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.PostAsync(
            "user_delete", new JsonObject { ["id"] = target.Name }, cancellationToken: CancellationToken);

        ApiAssert.AuthorizationError(response, "Access denied: Action user_delete requires an authenticated user");
        await AssertUserStateAsync(portal, target.Name, "active");
    }

    [Fact]
    public async Task Sysadmin_delete_disables_user_and_token()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var target = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(org, target, "editor", CancellationToken);

        var response = await portal.PostAsync(
            "user_delete", new JsonObject { ["id"] = target.Name }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        await AssertUserStateAsync(portal, target.Name, "deleted");
        var list = await portal.GetAsync("/api/3/action/user_list?all_fields=false", admin.Token, CancellationToken);
        Assert.DoesNotContain(target.Name, list.Result!.AsArray().Select(name => name!.GetValue<string>()));
        var create = await portal.PostAsync(
            "package_create",
            new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = org },
            target.Token,
            CancellationToken);
        ApiAssert.AuthorizationError(create, "Access denied: User  not authorized to create packages");
    }

    [Fact]
    public async Task Returns_not_found_deleting_unknown_user()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("missing");

        var response = await portal.PostAsync(
            "user_delete", new JsonObject { ["id"] = name }, admin.Token, CancellationToken);

        var error = ApiAssert.Failure(response, HttpStatusCode.NotFound, "Not Found Error");
        Assert.Equal($"Not found: User \"{name}\" was not found.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hides_private_user_fields_from_anonymous()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.GetAsync(
            "/api/3/action/user_show?id=" + user.Name, cancellationToken: CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var shown = response.Result!.AsObject();
        Assert.Equal(user.Name, shown["name"]!.GetValue<string>());
        Assert.False(shown.ContainsKey("email"));
        Assert.False(shown.ContainsKey("apikey"));
        Assert.False(shown.ContainsKey("password"));
    }

    [Fact]
    public async Task Shows_email_to_the_user_itself()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var response = await portal.GetAsync("/api/3/action/user_show", user.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(user.Name + "@example.org", response.Result!["email"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("user_show")]
    [InlineData("user_list")]
    public async Task Denies_private_user_details_to_anonymous(string action)
    {
        var options = new Dictionary<string, string> { ["ckan.auth.public_user_details"] = "false" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var path = $"/api/3/action/{action}?id={user.Name}";

        var anonymous = await portal.GetAsync(path, cancellationToken: CancellationToken);
        var loggedIn = await portal.GetAsync(path, user.Token, CancellationToken);

        ApiAssert.AuthorizationError(anonymous, "Access denied");
        ApiAssert.Status(loggedIn, HttpStatusCode.OK);
    }

    private static JsonObject NewUser(string name, string email) => new()
    {
        ["name"] = name,
        ["email"] = email,
        ["password"] = Password,
    };

    private static Task<ApiResponse> CreateAsync(TestPortal portal, JsonObject user, string? token) =>
        portal.PostAsync("user_create", user, token, CancellationToken);

    private static async Task AssertNoUserAsync(TestPortal portal, string name)
    {
        var lookup = new JsonObject { ["id"] = name };
        await Assert.ThrowsAsync<NotFoundException>(() => portal.ArrangeAsync("user_show", lookup, CancellationToken));
    }

    private static async Task AssertUserStateAsync(TestPortal portal, string name, string state)
    {
        var user = await portal.ArrangeAsync("user_show", new JsonObject { ["id"] = name }, CancellationToken);
        Assert.Equal(state, user!["state"]!.GetValue<string>());
    }
}
