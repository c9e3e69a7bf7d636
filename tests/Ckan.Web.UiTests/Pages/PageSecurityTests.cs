using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.UiTests.Support;

namespace Ckan.Web.UiTests.Pages;

/// <summary>The pages' security over plain HTTP: anti-forgery tokens, redirects after login, private data.</summary>
public sealed class PageSecurityTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private UiPortal _portal = null!;

    public async ValueTask InitializeAsync() => _portal = await UiPortal.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Login_without_antiforgery_token_is_rejected()
    {
        var token = TestContext.Current.CancellationToken;
        var user = await CreateUserAsync(token);
        using var client = new PageClient(_portal.Address);

        using var response = await client.PostFormAsync(
            "/user/login", new Dictionary<string, string> { ["Login"] = user, ["Password"] = Password }, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), cookie => cookie.Name == "ckan");
    }

    [Fact]
    public async Task Dataset_form_without_antiforgery_token_is_rejected()
    {
        var token = TestContext.Current.CancellationToken;
        var user = await CreateUserAsync(token);
        var (client, _) = await LogInAsync(user, "/dataset", token);
        using var session = client;

        using var response = await client.PostFormAsync(
            "/dataset/new", new Dictionary<string, string> { ["Form.Title"] = "No token" }, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await SearchAsync("\"No token\"", token));
    }

    [Fact]
    public async Task Dataset_form_reports_user_without_organization()
    {
        var token = TestContext.Current.CancellationToken;
        var user = await CreateUserAsync(token);
        var (client, _) = await LogInAsync(user, "/dataset", token);
        using var session = client;

        var form = await (await client.GetAsync("/dataset/new", token)).Content.ReadAsStringAsync(token);
        var formToken = await client.GetFormTokenAsync("/dataset/new", token);
        using var response = await client.PostFormAsync(
            "/dataset/new",
            new Dictionary<string, string> { ["Form.Title"] = "Orphan", ["__RequestVerificationToken"] = formToken },
            token);

        Assert.Contains("id=\"no-organization\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You may not add datasets", await response.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
        Assert.Empty(await SearchAsync("Orphan", token));
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    public async Task Login_ignores_came_from_outside_the_site(string cameFrom)
    {
        var token = TestContext.Current.CancellationToken;
        var user = await CreateUserAsync(token);

        var (client, location) = await LogInAsync(user, cameFrom, token);
        client.Dispose();

        Assert.Equal("/user/" + user, location);
    }

    [Fact]
    public async Task Login_returns_to_local_came_from()
    {
        var token = TestContext.Current.CancellationToken;
        var user = await CreateUserAsync(token);

        var (client, location) = await LogInAsync(user, "/es/dataset?tags=water", token);
        client.Dispose();

        Assert.Equal("/es/dataset?tags=water", location);
    }

    [Fact]
    public async Task Private_dataset_is_not_found_for_visitor()
    {
        var token = TestContext.Current.CancellationToken;
        var name = await CreatePrivateDatasetAsync(token);
        using var client = new PageClient(_portal.Address);

        using var english = await client.GetAsync("/dataset/" + name, token);
        using var spanish = await client.GetAsync("/es/dataset/" + name, token);
        using var search = await client.GetAsync("/dataset?q=" + name, token);

        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, spanish.StatusCode);
        Assert.Contains("Page not found", await english.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
        Assert.DoesNotContain("/dataset/" + name, await search.Content.ReadAsStringAsync(token));
    }

    [Fact]
    public async Task Private_dataset_edit_form_is_not_found()
    {
        var token = TestContext.Current.CancellationToken;
        var name = await CreatePrivateDatasetAsync(token);
        using var client = new PageClient(_portal.Address);

        using var response = await client.GetAsync("/dataset/edit/" + name, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Add_dataset_form_sends_visitor_to_login()
    {
        var token = TestContext.Current.CancellationToken;
        using var client = new PageClient(_portal.Address);

        using var response = await client.GetAsync("/dataset/new", token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri(_portal.Address), response.Headers.Location!);
        Assert.Equal("/user/login?came_from=%2Fdataset%2Fnew", location.PathAndQuery);
    }

    [Fact]
    public async Task Script_source_address_is_not_a_link()
    {
        var token = TestContext.Current.CancellationToken;
        var organization = Names.Unique("org");
        var name = Names.Unique("sourced");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, token);
        await _portal.ArrangeAsync(
            "package_create",
            new JsonObject
            {
                ["name"] = name,
                ["owner_org"] = organization,
                ["url"] = "javascript:alert(document.cookie)",
                ["resources"] = new JsonArray(new JsonObject { ["url"] = "javascript:alert(1)", ["name"] = "trap" }),
            },
            token);
        using var client = new PageClient(_portal.Address);

        using var dataset = await client.GetAsync("/dataset/" + name, token);
        var html = await dataset.Content.ReadAsStringAsync(token);

        Assert.Equal(HttpStatusCode.OK, dataset.StatusCode);
        Assert.Contains("javascript:alert(document.cookie)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_page_shows_not_found_page_without_details()
    {
        var token = TestContext.Current.CancellationToken;
        using var client = new PageClient(_portal.Address);

        using var response = await client.GetAsync("/dataset/no-such-dataset", token);
        var html = await response.Content.ReadAsStringAsync(token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_forbidden_without_web_sign_up()
    {
        var token = TestContext.Current.CancellationToken;
        await using var closed = await UiPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.auth.create_user_via_web"] = "false" }, token);
        using var client = new PageClient(closed.Address);

        using var response = await client.GetAsync("/user/register", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<string> CreateUserAsync(CancellationToken cancellationToken)
    {
        var name = Names.Unique("user");
        await _portal.ArrangeAsync(
            "user_create",
            new JsonObject { ["name"] = name, ["email"] = name + "@example.org", ["password"] = Password },
            cancellationToken);
        return name;
    }

    private async Task<string> CreatePrivateDatasetAsync(CancellationToken cancellationToken)
    {
        var organization = Names.Unique("org");
        var name = Names.Unique("private");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        await _portal.ArrangeAsync(
            "package_create",
            new JsonObject { ["name"] = name, ["owner_org"] = organization, ["private"] = true },
            cancellationToken);
        return name;
    }

    private async Task<IReadOnlyList<JsonNode?>> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var result = await _portal.ArrangeAsync(
            "package_search", new JsonObject { ["q"] = query, ["include_private"] = true }, cancellationToken);
        return result!["results"]!.AsArray().ToList();
    }

    private async Task<(PageClient Client, string Location)> LogInAsync(
        string user,
        string cameFrom,
        CancellationToken cancellationToken)
    {
        var client = new PageClient(_portal.Address);
        var formToken = await client.GetFormTokenAsync("/user/login", cancellationToken);
        using var response = await client.PostFormAsync(
            "/user/login",
            new Dictionary<string, string>
            {
                ["Login"] = user,
                ["Password"] = Password,
                ["came_from"] = cameFrom,
                ["__RequestVerificationToken"] = formToken,
            },
            cancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, response.Headers.Location!.OriginalString);
    }
}
