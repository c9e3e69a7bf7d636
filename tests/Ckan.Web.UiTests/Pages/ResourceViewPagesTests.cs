using System.Text.Json.Nodes;
using Ckan.Web.UiTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Pages;

/// <summary>
/// Resource views in a real browser: GeoJSON and KML maps drawn by geo_view from another local site, and an
/// image view of a PNG resource. Screenshots go to the fixture's folder.
/// </summary>
public sealed class ResourceViewPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private UiPortal _portal = null!;
    private LocalFileServer _files = null!;

    public async ValueTask InitializeAsync()
    {
        _portal = await UiPortal.StartAsync(new Dictionary<string, string>
        {
            ["ckan.plugins"] = "image_view geo_view geojson_view",
        });
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Pages", "Fixtures");
        _files = LocalFileServer.Start(new Dictionary<string, (string ContentType, byte[] Body)>
        {
            ["/stations.geojson"] = ("application/geo+json", await File.ReadAllBytesAsync(Path.Combine(fixtures, "stations.geojson"))),
            ["/trails.kml"] = ("application/vnd.google-earth.kml+xml", await File.ReadAllBytesAsync(Path.Combine(fixtures, "trails.kml"))),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _files.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task GeoJson_map_draws_points_and_polygon()
    {
        var (dataset, resourceId) = await CreateResourceAsync(_files.Address + "/stations.geojson", "GeoJSON");
        await CreateViewAsync(resourceId, "geo_view", "Stations map");
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}");
        var map = page.FrameLocator("iframe.resource-view-frame").Locator("#geoview-map");

        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        await Expect(map).ToHaveAttributeAsync("data-feature-count", "3");
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(2);
        await Expect(map.Locator("path.leaflet-interactive")).ToHaveCountAsync(1);
        // NOTE: Playwright's mouse click on the marker inside the iframe did not open the popup in Chromium 156,
        // while the DOM click event does, so the test sends that event; the cause is not known.
        await map.Locator(".leaflet-marker-icon").First.DispatchEventAsync("click");
        await Expect(map.Locator(".leaflet-popup-content")).ToContainTextAsync("station");
        await browser.ScreenshotAsync(page, "geoview-geojson");
    }

    [Fact]
    public async Task Kml_map_draws_line_and_point()
    {
        var (dataset, resourceId) = await CreateResourceAsync(_files.Address + "/trails.kml", "KML");
        var viewId = await CreateViewAsync(resourceId, "geo_view", "Trails map");
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}/view/{viewId}");
        var map = page.Locator("#geoview-map");

        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        await Expect(map).ToHaveAttributeAsync("data-feature-count", "2");
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(map.Locator("path.leaflet-interactive")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Map_reports_file_that_is_not_json()
    {
        var (dataset, resourceId) = await CreateResourceAsync(_files.Address + "/trails.kml", "GeoJSON");
        var viewId = await CreateViewAsync(resourceId, "geojson_view", "Broken map");
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}/view/{viewId}");

        await Expect(page.Locator("#geoview-map")).ToHaveAttributeAsync("data-state", "failed");
        await Expect(page.Locator("#geoview-message")).ToContainTextAsync("not valid JSON");
    }

    [Fact]
    public async Task Image_view_shows_png_resource()
    {
        var (dataset, resourceId) = await CreateResourceAsync(
            _portal.Address + "/vendor/leaflet/images/layers-2x.png", "PNG");
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/dataset/{dataset}/resource/{resourceId}");
        var image = page.FrameLocator("iframe.resource-view-frame").Locator("img.resource-view-image");

        await Expect(image).ToBeVisibleAsync();
        var width = await image.EvaluateAsync<int>("element => element.complete ? element.naturalWidth : 0");
        Assert.True(width > 0, "The image did not load.");
        await browser.ScreenshotAsync(page, "image-view");
    }

    private async Task<(string Dataset, string ResourceId)> CreateResourceAsync(string url, string format)
    {
        var organization = Names.Unique("org");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, TestContext.Current.CancellationToken);
        var name = Names.Unique("maps");
        var dataset = await _portal.ArrangeAsync("package_create", new JsonObject
        {
            ["name"] = name,
            ["title"] = "River gauges",
            ["owner_org"] = organization,
            ["resources"] = new JsonArray(new JsonObject { ["url"] = url, ["format"] = format, ["name"] = "Data file" }),
        }, TestContext.Current.CancellationToken);
        return (name, dataset!["resources"]![0]!["id"]!.GetValue<string>());
    }

    private async Task<string> CreateViewAsync(string resourceId, string viewType, string title)
    {
        var view = await _portal.ArrangeAsync("resource_view_create", new JsonObject
        {
            ["resource_id"] = resourceId, ["view_type"] = viewType, ["title"] = title,
        }, TestContext.Current.CancellationToken);
        return view!["id"]!.GetValue<string>();
    }
}
