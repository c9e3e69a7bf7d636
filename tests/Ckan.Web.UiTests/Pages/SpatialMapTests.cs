using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ckan.Web.UiTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Pages;

/// <summary>
/// The maps of the spatial plugins in a real browser: a dataset's extent on its page, and a box drawn on the
/// search page's map filtering the results. No tile URL is configured, so the maps draw a graticule and
/// the browser loads nothing but the portal's own files.
/// </summary>
public sealed class SpatialMapTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private UiPortal _portal = null!;
    private string _france = "";

    public async ValueTask InitializeAsync()
    {
        _portal = await UiPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.plugins"] = "spatial_metadata spatial_query" });
        var organization = Names.Unique("geo");
        await _portal.ArrangeAsync(
            "organization_create", new JsonObject { ["name"] = organization, ["title"] = "Geographic Institute" });
        _france = await CreateAsync(organization, "France", Box(-5.1, 41.3, 9.6, 51.1));
        await CreateAsync(organization, "Spain", Box(-9.3, 36.0, 3.3, 43.8));
        await CreateAsync(organization, "Hawaii", Box(-160.3, 18.9, -154.8, 22.3));
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Dataset_page_maps_extent()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/dataset/" + _france);

        var map = page.Locator("#dataset-map");
        await Expect(map).ToHaveAttributeAsync("data-ready", "true");
        await Expect(map.Locator("path.leaflet-interactive, path")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#spatial-map-title")).ToHaveTextAsync("Dataset extent");
        await browser.ScreenshotAsync(page, "spatial-dataset-extent");
    }

    [Fact]
    public async Task Spanish_pages_label_maps()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/es/dataset/" + _france);
        await Expect(page.Locator("#spatial-map-title")).ToHaveTextAsync("Extensión del conjunto de datos");

        await page.GotoAsync("/es/dataset");
        await Expect(page.Locator("#spatial-query-title")).ToHaveTextAsync("Filtrar por ubicación");
        await Expect(page.Locator("#spatial-draw")).ToHaveTextAsync("Dibujar un área");
    }

    [Fact]
    public async Task Drawn_box_filters_search()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dataset");
        await Expect(page.Locator("#spatial-query-map")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator(".dataset-list h3")).ToHaveCountAsync(3);

        var (iberiaX, iberiaY) = await PointAsync(page, latitude: 40, longitude: -3);
        await page.Mouse.MoveAsync(iberiaX, iberiaY);
        await page.Mouse.WheelAsync(0, -120);
        await page.WaitForTimeoutAsync(600);
        await page.Mouse.WheelAsync(0, -120);
        await page.WaitForTimeoutAsync(600);
        await page.ClickAsync("#spatial-draw");
        var (startX, startY) = await PointAsync(page, latitude: 44, longitude: -10);
        var (endX, endY) = await PointAsync(page, latitude: 36, longitude: 3.5);
        await page.Mouse.MoveAsync(startX, startY);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((startX + endX) / 2, (startY + endY) / 2);
        await page.Mouse.MoveAsync(endX, endY);
        await page.Mouse.UpAsync();

        await Expect(page).ToHaveURLAsync(new Regex("ext_bbox="));
        await Expect(page.Locator(".dataset-list h3")).ToHaveCountAsync(2);
        await Expect(page.Locator(".dataset-list h3").First).ToContainTextAsync("Spain");
        await Expect(page.Locator(".dataset-list h3").Nth(1)).ToContainTextAsync("France");
        await Expect(page.Locator(".spatial-clear")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("ext_prev_extent="));
        await Expect(page.Locator("#spatial-query-map")).ToHaveAttributeAsync("data-ready", "true");
        await browser.ScreenshotAsync(page, "spatial-search");

        await page.ClickAsync(".spatial-clear");
        await Expect(page.Locator(".dataset-list h3")).ToHaveCountAsync(3);
    }

    // The position in the page of a coordinate on the search map.
    private static async Task<(float X, float Y)> PointAsync(IPage page, double latitude, double longitude)
    {
        var point = await page.EvaluateAsync<float[]>(
            """
            ([latitude, longitude]) => {
                const map = document.getElementById('spatial-query-map').leafletMap;
                const point = map.latLngToContainerPoint([latitude, longitude]);
                const frame = map.getContainer().getBoundingClientRect();
                return [frame.left + point.x, frame.top + point.y];
            }
            """,
            new[] { latitude, longitude });
        return (point[0], point[1]);
    }

    private async Task<string> CreateAsync(string organization, string title, string geoJson)
    {
        var name = Names.Unique(title.ToLowerInvariant());
        await _portal.ArrangeAsync(
            "package_create",
            new JsonObject
            {
                ["name"] = name,
                ["title"] = title,
                ["owner_org"] = organization,
                ["extras"] = new JsonArray(new JsonObject { ["key"] = "spatial", ["value"] = geoJson }),
            });
        return name;
    }

    private static string Box(double minX, double minY, double maxX, double maxY) =>
        FormattableString.Invariant(
            $$"""{"type":"Polygon","coordinates":[[[{{minX}},{{minY}}],[{{maxX}},{{minY}}],[{{maxX}},{{maxY}}],[{{minX}},{{maxY}}],[{{minX}},{{minY}}]]]}""");
}
