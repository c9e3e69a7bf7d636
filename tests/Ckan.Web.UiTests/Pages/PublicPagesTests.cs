using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ckan.Web.UiTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Pages;

/// <summary>
/// The public pages as a visitor gets them, in a real browser on a small catalog, with screenshots of each
/// (desktop and phone widths) in the fixture's folder.
/// </summary>
public sealed class PublicPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private UiPortal _portal = null!;
    private string _organization = "";
    private string _group = "";
    private string _dataset = "";

    public async ValueTask InitializeAsync()
    {
        _portal = await UiPortal.StartAsync();
        _organization = Names.Unique("met");
        _group = Names.Unique("climate");
        _dataset = Names.Unique("river-levels");
        await _portal.ArrangeAsync(
            "organization_create",
            new JsonObject
            {
                ["name"] = _organization,
                ["title"] = "Meteorological Office",
                ["description"] = "Weather and *climate* observations since 1854.",
            });
        await _portal.ArrangeAsync(
            "group_create", new JsonObject { ["name"] = _group, ["title"] = "Climate", ["description"] = "Climate data." });
        await _portal.ArrangeAsync(
            "package_create",
            new JsonObject
            {
                ["name"] = _dataset,
                ["title"] = "River levels",
                ["owner_org"] = _organization,
                ["license_id"] = "odc-by",
                ["notes"] = "Hourly river levels.\n\n<script>alert('x')</script>\n\n[unsafe](javascript:alert(1))",
                ["tags"] = new JsonArray(new JsonObject { ["name"] = "water" }),
                ["groups"] = new JsonArray(new JsonObject { ["name"] = _group }),
                ["extras"] = new JsonArray(new JsonObject { ["key"] = "frequency", ["value"] = "hourly" }),
                ["resources"] = new JsonArray(
                    new JsonObject { ["url"] = "https://example.org/levels.csv", ["name"] = "Levels", ["format"] = "CSV" }),
            });
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Public_pages_show_catalog_to_visitor()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Welcome to Open Data Test");
        await Expect(page.Locator(".stats")).ToContainTextAsync("1 Datasets");
        await browser.ScreenshotAsync(page, "visitor-home");

        await page.GotoAsync("/dataset/" + _dataset);
        await Expect(page.Locator(".notes a", new() { HasText = "unsafe" })).Not.ToHaveAttributeAsync("href", new Regex("."));
        await Expect(page.Locator(".notes script")).ToHaveCountAsync(0);
        await Expect(page.Locator(".info-table")).ToContainTextAsync("hourly");
        await browser.ScreenshotAsync(page, "visitor-dataset");

        await page.GotoAsync("/organization");
        await Expect(page.Locator(".card h3")).ToHaveTextAsync("Meteorological Office");
        await Expect(page.Locator(".card .count")).ToHaveTextAsync("1 dataset");
        await browser.ScreenshotAsync(page, "organizations");
        await page.ClickAsync(".card h3 a");
        await Expect(page).ToHaveURLAsync(new Regex("/organization/" + _organization + "$"));
        await Expect(page.Locator(".dataset-list h3")).ToContainTextAsync("River levels");
        await browser.ScreenshotAsync(page, "organization");

        await page.GotoAsync("/group/" + _group);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Climate");
        await Expect(page.Locator(".dataset-list h3")).ToContainTextAsync("River levels");
        await browser.ScreenshotAsync(page, "group");

        await page.GotoAsync("/about");
        await Expect(page.Locator("h1")).ToHaveTextAsync("About Open Data Test");
        await browser.ScreenshotAsync(page, "about");
    }

    [Fact]
    public async Task Spanish_pages_translate_text_and_dates()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/es/dataset/" + _dataset);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("#resources-title")).ToHaveTextAsync("Datos y recursos");
        await Expect(page.Locator(".info-table")).ToContainTextAsync(new Regex(@"\d{1,2} de [a-z]+ de \d{4}"));
        await Expect(page.Locator(".breadcrumb a").First).ToHaveAttributeAsync("href", "/es/dataset");
        await browser.ScreenshotAsync(page, "dataset-es");
        await page.GotoAsync("/es/no-such-page");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Página no encontrada");
        await browser.ScreenshotAsync(page, "not-found-es");
    }

    [Fact]
    public async Task Phone_width_keeps_content_readable()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new()
        {
            BaseURL = _portal.Address,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/dataset?tags=water");

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The search page is {width} pixels wide on a 390-pixel screen.");
        await browser.ScreenshotAsync(page, "search-phone");
        await page.GotoAsync("/dataset/" + _dataset);
        width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The dataset page is {width} pixels wide on a 390-pixel screen.");
        await browser.ScreenshotAsync(page, "dataset-phone");
    }
}
