using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ckan.Web.UiTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Pages;

/// <summary>An organization's member page: adding a user, changing a role, removing, and who may see it.</summary>
public sealed class MembersPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private UiPortal _portal = null!;

    public async ValueTask InitializeAsync() => _portal = await UiPortal.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Admin_adds_changes_and_removes_member()
    {
        var admin = await _portal.CreateUserAsync(Password, cancellationToken: TestContext.Current.CancellationToken);
        var colleague = await _portal.CreateUserAsync(Password, cancellationToken: TestContext.Current.CancellationToken);
        var organization = await CreateOrganizationAsync(admin);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, admin, Password);
        await page.GotoAsync("/organization/" + organization);
        await page.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/organization/members/" + organization + "$"));
        await Expect(page.Locator($"#members-table tr[data-user='{admin}'] select")).ToHaveValueAsync("admin");

        await page.FillAsync("#member-username", colleague);
        await page.SelectOptionAsync("#member-role", "editor");
        await page.ClickAsync("#member-add-submit");

        await Expect(page.Locator("#members-notice")).ToHaveTextAsync("The member was added.");
        await Expect(page.Locator("#members-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator($"#members-table tr[data-user='{colleague}'] select")).ToHaveValueAsync("editor");
        await browser.ScreenshotAsync(page, "organization-members");

        await page.SelectOptionAsync($"#role-{colleague}", "member");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the role of Test " + colleague }).ClickAsync();

        await Expect(page.Locator("#members-notice")).ToHaveTextAsync("The role was changed.");
        await Expect(page.Locator($"#members-table tr[data-user='{colleague}'] select")).ToHaveValueAsync("member");
        Assert.Equal("member", await CapacityOfAsync(organization, colleague));

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Test " + colleague }).ClickAsync();

        await Expect(page.Locator("#members-notice")).ToHaveTextAsync("The member was removed.");
        await Expect(page.Locator("#members-table tbody tr")).ToHaveCountAsync(1);
        Assert.Null(await CapacityOfAsync(organization, colleague));
    }

    [Fact]
    public async Task Unknown_user_is_reported_in_spanish()
    {
        var admin = await _portal.CreateUserAsync(Password, cancellationToken: TestContext.Current.CancellationToken);
        var organization = await CreateOrganizationAsync(admin);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, admin, Password);
        await page.GotoAsync("/es/organization/members/" + organization);

        await page.FillAsync("#member-username", "nobody-by-this-name");
        await page.ClickAsync("#member-add-submit");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Miembros");
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("nobody-by-this-name");
        await Expect(page.Locator("#members-table tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Members_page_is_forbidden_to_editor()
    {
        var token = TestContext.Current.CancellationToken;
        var admin = await _portal.CreateUserAsync(Password, cancellationToken: token);
        var editor = await _portal.CreateUserAsync(Password, cancellationToken: token);
        var organization = await CreateOrganizationAsync(admin);
        await _portal.ArrangeAsync(
            "organization_member_create",
            new JsonObject { ["id"] = organization, ["username"] = editor, ["role"] = "editor" },
            token);
        using var client = new PageClient(_portal.Address);
        var loginToken = await client.GetFormTokenAsync("/user/login", token);
        using var login = await client.PostFormAsync(
            "/user/login",
            new Dictionary<string, string> { ["Login"] = editor, ["Password"] = Password, ["__RequestVerificationToken"] = loginToken },
            token);
        var userToken = await client.GetFormTokenAsync("/dataset", token);

        using var page = await client.GetAsync("/organization/members/" + organization, token);
        using var add = await client.PostFormAsync(
            "/organization/members/" + organization + "?handler=add",
            new Dictionary<string, string>
            {
                ["username"] = editor, ["role"] = "admin", ["__RequestVerificationToken"] = userToken,
            },
            token);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal("editor", await CapacityOfAsync(organization, editor));
    }

    private async Task<string> CreateOrganizationAsync(string admin)
    {
        var organization = Names.Unique("org");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization, ["title"] = "Harbour Board" });
        await _portal.ArrangeAsync(
            "organization_member_create",
            new JsonObject { ["id"] = organization, ["username"] = admin, ["role"] = "admin" });
        return organization;
    }

    private async Task<string?> CapacityOfAsync(string organization, string user)
    {
        var members = await _portal.ArrangeAsync(
            "member_list", new JsonObject { ["id"] = organization, ["object_type"] = "user" });
        var userId = (await _portal.ArrangeAsync("user_show", new JsonObject { ["id"] = user }))!["id"]!.GetValue<string>();
        return members!.AsArray()
            .Select(member => member!.AsArray())
            .Where(member => member[0]!.GetValue<string>() == userId)
            .Select(member => member[2]!.GetValue<string>())
            .FirstOrDefault();
    }
}
