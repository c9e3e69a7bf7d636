using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ckan.Web.UiTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Pages;

/// <summary>
/// The resource page's DataStore preview (paging, sorting, searching, data dictionary) and the DataStore
/// tab's load status and "load again" button, in a real browser.
/// </summary>
public sealed class ResourcePagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(90);

    private UiPortal _portal = null!;

    public async ValueTask InitializeAsync() => _portal = await UiPortal.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Preview_pages_sorts_and_searches_rows()
    {
        var (dataset, resourceId) = await CreateCityTableAsync(45);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        var resourcePath = $"/dataset/{dataset}/resource/{resourceId}";

        await page.GotoAsync(resourcePath);

        await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex("Rows 1–20 of 45"));
        await Expect(page.Locator("#preview-table tbody tr")).ToHaveCountAsync(20);
        await Expect(page.Locator("#preview-table thead th")).ToHaveTextAsync(["city", "population", "founded"]);
        await Expect(page.Locator("#data-dictionary")).ToContainTextAsync("Inhabitants at the last census");
        await Expect(page.Locator("#data-dictionary")).ToContainTextAsync("Population");
        await Expect(page.Locator("#tab-datastore")).ToHaveCountAsync(0);
        await Expect(page.Locator("#resource-download")).ToHaveAttributeAsync("href", "/datastore/dump/" + resourceId);

        await page.ClickAsync("#preview-next");

        await Expect(page).ToHaveURLAsync(new Regex("page=2$"));
        await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex("Rows 21–40 of 45"));
        await Expect(page.Locator("#preview-page")).ToHaveTextAsync("Page 2 of 3");

        await page.ClickAsync("#preview-table thead a[data-column='population']");

        await Expect(page).ToHaveURLAsync(new Regex("sort=population&dir=asc$"));
        await Expect(page.Locator("#preview-table tbody tr").First.Locator("td").First).ToHaveTextAsync("City 01");
        await Expect(page.Locator("#preview-table thead th").Nth(1)).ToHaveAttributeAsync("aria-sort", "ascending");

        await page.ClickAsync("#preview-table thead a[data-column='population']");

        await Expect(page).ToHaveURLAsync(new Regex("sort=population&dir=desc$"));
        await Expect(page.Locator("#preview-table tbody tr").First.Locator("td").First).ToHaveTextAsync("City 45");
        await Expect(page.Locator("#preview-table tbody tr").First.Locator("td").Nth(1)).ToHaveTextAsync("45000");
        await browser.ScreenshotAsync(page, "resource-preview");

        await page.FillAsync("#preview-q", "Riverside");
        await page.ClickAsync("#preview-filter");

        await Expect(page).ToHaveURLAsync(new Regex("q=Riverside&sort=population&dir=desc$"));
        await Expect(page.Locator("#preview-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#preview-table tbody td").First).ToHaveTextAsync("Riverside");
        await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex("Rows 1–1 of 1"));
        await page.ClickAsync("#preview-clear");

        await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex("Rows 1–20 of 45"));
    }

    [Fact]
    public async Task Preview_ignores_unknown_sort_column_and_page()
    {
        var (dataset, resourceId) = await CreateCityTableAsync(5);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}?sort=nope&dir=desc&page=abc");

        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex("Rows 1–5 of 5"));
        await Expect(page.Locator("#preview-table thead th[aria-sort='none']")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Resource_without_datastore_table_says_so()
    {
        var organization = Names.Unique("org");
        var dataset = Names.Unique("links");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, TestContext.Current.CancellationToken);
        var created = await _portal.ArrangeAsync(
            "package_create",
            new JsonObject
            {
                ["name"] = dataset,
                ["owner_org"] = organization,
                ["resources"] = new JsonArray(new JsonObject { ["url"] = "http://127.0.0.1:9/report.pdf", ["format"] = "PDF" }),
            },
            TestContext.Current.CancellationToken);
        var resourceId = created!["resources"]![0]!["id"]!.GetValue<string>();
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}");

        await Expect(page.Locator("#preview-missing")).ToContainTextAsync("not in the DataStore");
        await Expect(page.Locator("#preview-table")).ToHaveCountAsync(0);
        await Expect(page.Locator("#resource-download")).ToHaveAttributeAsync("href", "http://127.0.0.1:9/report.pdf");
    }

    [Fact]
    public async Task DataStore_tab_shows_log_and_reloads()
    {
        var csv = Path.Combine(SharedData.RealDataFolder(), "csv", "sp500-constituents.csv");
        var publisher = await _portal.CreateUserAsync(Password, cancellationToken: TestContext.Current.CancellationToken);
        var (dataset, resourceId) = await CreateUploadedCsvAsync(publisher, csv);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, publisher, Password);

        await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}");
        await page.ClickAsync("#tab-datastore");

        await Expect(page).ToHaveURLAsync(new Regex($"/dataset/{dataset}/resource_data/{resourceId}$"));
        await Expect(page.Locator("#datastore-state")).ToHaveTextAsync("Complete", new() { Timeout = (float)LoadTimeout.TotalMilliseconds });
        await Expect(page.Locator("#datastore-log tbody tr").First).ToContainTextAsync("INFO");
        await Expect(page.Locator("#datastore-log")).ToContainTextAsync("Successfully pushed 503 entries");
        await Expect(page.Locator("#datastore-log time").First).ToHaveTextAsync(new Regex("\\d\\d:\\d\\d:\\d\\d UTC$"));
        await Expect(page.Locator("#datastore-updated")).ToHaveTextAsync(new Regex("UTC$"));
        await browser.ScreenshotAsync(page, "resource-datastore");

        await page.ClickAsync("#push-again");

        await Expect(page).ToHaveURLAsync(new Regex("submitted=(queued|pending)$"));
        await Expect(page.Locator("#push-notice")).ToHaveTextAsync(new Regex("queued"));
        await Expect(page.Locator("#datastore-state")).ToHaveTextAsync("Complete", new() { Timeout = (float)LoadTimeout.TotalMilliseconds });
        await page.ClickAsync("#tab-preview");

        await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex("Rows 1–20 of 503"));
    }

    [Fact]
    public async Task DataStore_tab_is_forbidden_to_other_users()
    {
        var csv = Path.Combine(SharedData.RealDataFolder(), "csv", "sp500-constituents.csv");
        var publisher = await _portal.CreateUserAsync(Password, cancellationToken: TestContext.Current.CancellationToken);
        var outsider = await _portal.CreateUserAsync(Password, cancellationToken: TestContext.Current.CancellationToken);
        var (dataset, resourceId) = await CreateUploadedCsvAsync(publisher, csv);
        var token = TestContext.Current.CancellationToken;
        using var client = new PageClient(_portal.Address);
        var formToken = await client.GetFormTokenAsync("/user/login", token);
        using var login = await client.PostFormAsync(
            "/user/login",
            new Dictionary<string, string>
            {
                ["Login"] = outsider, ["Password"] = Password, ["__RequestVerificationToken"] = formToken,
            },
            token);

        var userToken = await client.GetFormTokenAsync("/dataset", token);

        using var page = await client.GetAsync($"/dataset/{dataset}/resource_data/{resourceId}", token);
        using var push = await client.PostFormAsync(
            $"/dataset/{dataset}/resource_data/{resourceId}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = userToken },
            token);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, push.StatusCode);
    }

    [Fact]
    public async Task Publisher_deletes_resource()
    {
        var csv = Path.Combine(SharedData.RealDataFolder(), "csv", "sp500-constituents.csv");
        var publisher = await _portal.CreateUserAsync(Password, cancellationToken: TestContext.Current.CancellationToken);
        var (dataset, resourceId) = await CreateUploadedCsvAsync(publisher, csv);
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, publisher, Password);
        await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}/edit");

        await page.ClickAsync("#resource-delete");

        await Expect(page).ToHaveURLAsync(new Regex($"/dataset/{dataset}\\?resource_deleted=1$"));
        await Expect(page.Locator(".resource-list li")).ToHaveCountAsync(0);
        var gone = await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}");
        Assert.Equal(404, gone!.Status);
    }

    private async Task<(string Dataset, string ResourceId)> CreateCityTableAsync(int rows)
    {
        var organization = Names.Unique("org");
        var dataset = Names.Unique("cities");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization });
        await _portal.ArrangeAsync("package_create", new JsonObject { ["name"] = dataset, ["owner_org"] = organization });
        var records = new JsonArray();
        for (var row = 1; row <= rows; row++)
        {
            var city = row == 3 ? "Riverside" : $"City {row:00}";
            records.Add(new JsonObject { ["city"] = city, ["population"] = row * 1000, ["founded"] = 1800 + (row * 7 % 50) });
        }

        var created = await _portal.ArrangeAsync(
            "datastore_create",
            new JsonObject
            {
                ["resource"] = new JsonObject { ["package_id"] = dataset, ["name"] = "Cities" },
                ["fields"] = new JsonArray(
                    new JsonObject { ["id"] = "city", ["type"] = "text" },
                    new JsonObject
                    {
                        ["id"] = "population",
                        ["type"] = "int",
                        ["info"] = new JsonObject { ["label"] = "Population", ["notes"] = "Inhabitants at the last census" },
                    },
                    new JsonObject { ["id"] = "founded", ["type"] = "int" }),
                ["records"] = records,
            });
        return (dataset, created!["resource_id"]!.GetValue<string>());
    }

    private async Task<(string Dataset, string ResourceId)> CreateUploadedCsvAsync(string publisher, string csv)
    {
        var organization = Names.Unique("org");
        var dataset = Names.Unique("sp500");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization });
        await _portal.ArrangeAsync(
            "organization_member_create",
            new JsonObject { ["id"] = organization, ["username"] = publisher, ["role"] = "editor" });
        await _portal.ArrangeAsync("package_create", new JsonObject { ["name"] = dataset, ["owner_org"] = organization });
        var resource = await _portal.ArrangeWithUploadAsync(
            "resource_create",
            new JsonObject { ["package_id"] = dataset, ["name"] = "S&P 500 constituents" },
            csv);
        return (dataset, resource!["id"]!.GetValue<string>());
    }
}
