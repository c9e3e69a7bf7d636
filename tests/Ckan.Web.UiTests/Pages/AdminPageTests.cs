using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.UiTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Pages;

/// <summary>The sysadmin's <c>/ckan-admin</c> settings page and its use across the site.</summary>
public sealed class AdminPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private UiPortal _portal = null!;

    public async ValueTask InitializeAsync() => _portal = await UiPortal.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Sysadmin_saves_settings_shown_across_site()
    {
        var sysadmin = await _portal.CreateUserAsync(Password, sysadmin: true, TestContext.Current.CancellationToken);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, sysadmin, Password);
        await page.ClickAsync(".user-menu summary");
        await page.ClickAsync(".user-menu a[href='/ckan-admin']");

        await Expect(page.Locator("#admin-title")).ToHaveValueAsync("Open Data Test");
        await page.FillAsync("#admin-title", "Harbour Open Data");
        await page.FillAsync("#admin-description", "Tides, berths and cargo.");
        await page.FillAsync("#admin-intro", "Welcome to the **harbour** data portal.");
        await page.FillAsync("#admin-about", "Run by the *Harbour Board*.");
        await page.FillAsync("#admin-logo", "/img/logo.svg");
        await page.ClickAsync("#admin-save");

        await Expect(page.Locator("#admin-saved")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "ckan-admin");
        await Expect(page.Locator("#admin-title")).ToHaveValueAsync("Harbour Open Data");
        await Expect(page.Locator(".brand span")).ToHaveTextAsync("Harbour Open Data");
        await page.GotoAsync("/");
        await Expect(page.Locator(".hero-intro strong")).ToHaveTextAsync("harbour");
        await Expect(page.Locator(".brand img.site-logo")).ToHaveAttributeAsync("src", "/img/logo.svg");
        await page.GotoAsync("/es/about");
        await Expect(page.Locator(".notes em")).ToHaveTextAsync("Harbour Board");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Harbour Open Data$"));
        var status = await _portal.ArrangeAsync("status_show", [], TestContext.Current.CancellationToken);
        Assert.Equal("Harbour Open Data", status!["site_title"]!.GetValue<string>());
        Assert.Equal("Tides, berths and cargo.", status["site_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logo_with_script_scheme_is_rejected()
    {
        var sysadmin = await _portal.CreateUserAsync(Password, sysadmin: true, TestContext.Current.CancellationToken);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, sysadmin, Password);
        await page.GotoAsync("/ckan-admin");

        await page.FillAsync("#admin-logo", "javascript:alert(1)");
        await page.ClickAsync("#admin-save");

        await Expect(page.Locator("#error-summary")).ToContainTextAsync("must start with http://, https:// or /");
        var saved = await _portal.ArrangeAsync("config_option_show", new JsonObject { ["key"] = "ckan.site_logo" }, TestContext.Current.CancellationToken);
        Assert.Null(saved);
    }

    [Fact]
    public async Task Admin_page_is_forbidden_to_other_users()
    {
        var token = TestContext.Current.CancellationToken;
        var user = await _portal.CreateUserAsync(Password, cancellationToken: token);
        using var visitor = new PageClient(_portal.Address);
        using var client = new PageClient(_portal.Address);
        var loginToken = await client.GetFormTokenAsync("/user/login", token);
        using var login = await client.PostFormAsync(
            "/user/login",
            new Dictionary<string, string> { ["Login"] = user, ["Password"] = Password, ["__RequestVerificationToken"] = loginToken },
            token);
        var userToken = await client.GetFormTokenAsync("/dataset", token);

        using var anonymous = await visitor.GetAsync("/ckan-admin", token);
        using var page = await client.GetAsync("/ckan-admin", token);
        using var save = await client.PostFormAsync(
            "/ckan-admin",
            new Dictionary<string, string> { ["Form.Title"] = "Taken over", ["__RequestVerificationToken"] = userToken },
            token);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/user/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        var status = await _portal.ArrangeAsync("status_show", [], token);
        Assert.Equal("Open Data Test", status!["site_title"]!.GetValue<string>());
    }
}
