using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ckan.Web.UiTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Pages;

/// <summary>
/// The showcase pages in a real browser: a sysadmin creates a showcase, adds a dataset to it, finds it in the
/// list and on the dataset's page; a visitor cannot reach the form.
/// </summary>
public sealed class ShowcasePagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private UiPortal _portal = null!;

    public async ValueTask InitializeAsync() =>
        _portal = await UiPortal.StartAsync(new Dictionary<string, string> { ["ckan.plugins"] = "showcase" });

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Sysadmin_creates_showcase_and_links_dataset()
    {
        var admin = await CreateSysadminAsync();
        var dataset = await CreateDatasetAsync("Bus stops");
        var showcase = Names.Unique("transit-app");
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await LogInAsync(page, admin);

        await page.GotoAsync("/showcase");
        await page.ClickAsync("#showcase-add");
        await page.FillAsync("#showcase-title", "Transit planner");
        await page.FillAsync("#showcase-name", showcase);
        await page.FillAsync("#showcase-notes", "Plans trips with the **bus stop** data.");
        await page.FillAsync("#showcase-url", "http://example.org/planner");
        await page.ClickAsync("#showcase-create");
        await Expect(page).ToHaveURLAsync(new Regex("/showcase/" + showcase + "$"));
        await Expect(page.Locator("#showcase-heading")).ToHaveTextAsync("Transit planner");

        await page.FillAsync("#showcase-dataset", dataset);
        await page.ClickAsync("#showcase-add-dataset button");
        await Expect(page.Locator("#showcase-datasets")).ToContainTextAsync("Bus stops");
        await browser.ScreenshotAsync(page, "showcase-read");

        await page.GotoAsync("/showcase?q=planner");
        await Expect(page.Locator("#showcase-list")).ToContainTextAsync("Transit planner");
        await browser.ScreenshotAsync(page, "showcase-list");
        await page.GotoAsync("/dataset/" + dataset);
        await Expect(page.Locator("#dataset-showcases")).ToContainTextAsync("Transit planner");
        await page.GotoAsync("/dataset");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Transit planner");
    }

    [Fact]
    public async Task Sysadmin_edits_and_removes_showcase_dataset()
    {
        var admin = await CreateSysadminAsync();
        var dataset = await CreateDatasetAsync("Air quality");
        var showcase = Names.Unique("air-story");
        await _portal.ArrangeAsync("ckanext_showcase_create", new JsonObject { ["name"] = showcase, ["title"] = "Air story" }, TestContext.Current.CancellationToken);
        await _portal.ArrangeAsync("ckanext_showcase_package_association_create", new JsonObject
        {
            ["showcase_id"] = showcase, ["package_id"] = dataset,
        }, TestContext.Current.CancellationToken);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await LogInAsync(page, admin);

        await page.GotoAsync("/showcase/edit/" + showcase);
        await page.FillAsync("#showcase-title", "Cleaner air story");
        await page.ClickAsync("#showcase-save");
        await Expect(page.Locator("#showcase-heading")).ToHaveTextAsync("Cleaner air story");
        await page.ClickAsync("#showcase-datasets button");

        await Expect(page.Locator("#showcase-datasets")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Sysadmin_adds_showcase_admin_who_may_create()
    {
        var admin = await CreateSysadminAsync();
        var user = await CreateUserAsync(sysadmin: false);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await LogInAsync(page, admin);

        await page.GotoAsync("/ckan-admin/showcase_admins");
        await page.FillAsync("#showcase-admin-user", user);
        await page.ClickAsync("#showcase-admin-add button");

        await Expect(page.Locator("#showcase-admins")).ToContainTextAsync(user);
        await browser.ScreenshotAsync(page, "showcase-admins");
    }

    [Fact]
    public async Task Visitor_cannot_open_showcase_form()
    {
        var user = await CreateUserAsync(sysadmin: false);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await LogInAsync(page, user);

        var form = await page.GotoAsync("/showcase/new");
        var admins = await page.GotoAsync("/ckan-admin/showcase_admins");

        Assert.Equal(403, form!.Status);
        Assert.Equal(403, admins!.Status);
    }

    private async Task<string> CreateSysadminAsync() => await CreateUserAsync(sysadmin: true);

    private async Task<string> CreateUserAsync(bool sysadmin)
    {
        var name = Names.Unique(sysadmin ? "admin" : "user");
        await _portal.ArrangeAsync("user_create", new JsonObject
        {
            ["name"] = name,
            ["email"] = name + "@example.org",
            ["password"] = Password,
            ["sysadmin"] = sysadmin,
        }, TestContext.Current.CancellationToken);
        return name;
    }

    private async Task<string> CreateDatasetAsync(string title)
    {
        var organization = Names.Unique("org");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, TestContext.Current.CancellationToken);
        var name = Names.Unique("dataset");
        await _portal.ArrangeAsync("package_create", new JsonObject
        {
            ["name"] = name, ["title"] = title, ["owner_org"] = organization,
        }, TestContext.Current.CancellationToken);
        return name;
    }

    private static async Task LogInAsync(IPage page, string user)
    {
        await page.GotoAsync("/user/login");
        await page.FillAsync("#login", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login-submit");
        await Expect(page).ToHaveURLAsync(new Regex("/user/" + user + "$"));
    }
}
