using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Plugins;

/// <summary>The geoview plugins: which resources get a default map view, and the map page they serve.</summary>
public sealed class GeoViewTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Default_map_view_only_for_own_domain()
    {
        await using var portal = await StartAsync(new Dictionary<string, string>
        {
            ["ckan.views.default_views"] = "geo_view",
        });

        var own = await CreateResourceAsync(portal, TestPortal.SiteUrl + "/files/parks.geojson", "GeoJSON");
        var foreign = await CreateResourceAsync(portal, "http://example.org/parks.geojson", "GeoJSON");
        var wms = await CreateResourceAsync(portal, "http://example.org/wms?service=WMS", "WMS");
        var csv = await CreateResourceAsync(portal, TestPortal.SiteUrl + "/files/parks.csv", "CSV");
        var byExtension = await CreateResourceAsync(portal, TestPortal.SiteUrl + "/files/trails.kml", "");

        Assert.Equal(["geo_view"], await ViewTypesAsync(portal, own.ResourceId));
        Assert.Empty(await ViewTypesAsync(portal, foreign.ResourceId));
        Assert.Equal(["geo_view"], await ViewTypesAsync(portal, wms.ResourceId));
        Assert.Empty(await ViewTypesAsync(portal, csv.ResourceId));
        Assert.Equal(["geo_view"], await ViewTypesAsync(portal, byExtension.ResourceId));
    }

    [Fact]
    public async Task Formats_option_narrows_geo_view()
    {
        await using var portal = await StartAsync(new Dictionary<string, string>
        {
            ["ckan.views.default_views"] = "geo_view",
            ["ckanext.geoview.ol_viewer.formats"] = "kml",
        });

        var geojson = await CreateResourceAsync(portal, TestPortal.SiteUrl + "/files/a.geojson", "GeoJSON");
        var kml = await CreateResourceAsync(portal, TestPortal.SiteUrl + "/files/a.kml", "KML");

        Assert.Empty(await ViewTypesAsync(portal, geojson.ResourceId));
        Assert.Equal(["geo_view"], await ViewTypesAsync(portal, kml.ResourceId));
    }

    [Fact]
    public async Task Map_page_loads_leaflet_and_carries_settings()
    {
        await using var portal = await StartAsync(new Dictionary<string, string>
        {
            ["ckanext.geoview.basemap_url"] = "http://tiles.example.org/{z}/{x}/{y}.png",
        });
        var (dataset, resourceId) = await CreateResourceAsync(portal, "http://example.org/parks.geojson", "GeoJSON");
        var view = await portal.ArrangeAsync("resource_view_create", new JsonObject
        {
            ["resource_id"] = resourceId, ["view_type"] = "geojson_view", ["title"] = "Parks",
        }, CancellationToken);

        var page = await portal.Client.GetStringAsync(
            $"/dataset/{dataset}/resource/{resourceId}/view/{view!["id"]}", CancellationToken);
        var leaflet = await portal.Client.GetAsync("/vendor/leaflet/leaflet.js", CancellationToken);
        var script = await portal.Client.GetAsync("/geoview/geoview.js", CancellationToken);

        Assert.Contains("data-url=\"http://example.org/parks.geojson\"", page, StringComparison.Ordinal);
        Assert.Contains("data-format=\"geojson\"", page, StringComparison.Ordinal);
        Assert.Contains("data-basemap-url=\"http://tiles.example.org/{z}/{x}/{y}.png\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/vendor/leaflet/leaflet.js\"></script>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Map_page_rejects_javascript_url()
    {
        await using var portal = await StartAsync();
        var (dataset, resourceId) = await CreateResourceAsync(portal, "javascript:alert(1)//a.geojson", "GeoJSON");
        var view = await portal.ArrangeAsync("resource_view_create", new JsonObject
        {
            ["resource_id"] = resourceId, ["view_type"] = "geo_view", ["title"] = "Bad",
        }, CancellationToken);

        var page = await portal.Client.GetStringAsync(
            $"/dataset/{dataset}/resource/{resourceId}/view/{view!["id"]}", CancellationToken);

        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.Contains("no http or https address", page, StringComparison.Ordinal);
    }

    private static Task<TestPortal> StartAsync(IReadOnlyDictionary<string, string>? options = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ckan.plugins"] = "geo_view geojson_view wmts_view",
        };
        foreach (var (key, value) in options ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return TestPortal.StartAsync(settings, CancellationToken);
    }

    private static async Task<(string Dataset, string ResourceId)> CreateResourceAsync(
        TestPortal portal,
        string url,
        string format)
    {
        var organization = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(new JsonObject
        {
            ["owner_org"] = organization,
            ["resources"] = new JsonArray(new JsonObject { ["url"] = url, ["format"] = format }),
        }, CancellationToken);
        return (dataset["name"]!.GetValue<string>(), dataset["resources"]![0]!["id"]!.GetValue<string>());
    }

    private static async Task<List<string>> ViewTypesAsync(TestPortal portal, string resourceId)
    {
        var list = await portal.GetAsync("/api/3/action/resource_view_list?id=" + resourceId, cancellationToken: CancellationToken);
        ApiAssert.Status(list, HttpStatusCode.OK);
        return list.Result!.AsArray().Select(view => view!["view_type"]!.GetValue<string>()).ToList();
    }
}
