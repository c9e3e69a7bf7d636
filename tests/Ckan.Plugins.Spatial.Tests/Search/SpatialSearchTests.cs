using System.Net;
using System.Text.Json.Nodes;
using Ckan.Plugins.Spatial.Tests.Support;
using Ckan.Web.Tests.Support;

namespace Ckan.Plugins.Spatial.Tests.Search;

/// <summary>
/// package_search with ext_bbox over <see cref="SpatialDatasets"/>, the same table on each backend. Each
/// expected order was computed by hand from the overlap score 2·X / (Q + T) of the bounding boxes, in square
/// degrees. X is the shared area, Q the query box's area and T the extent's. Each comment gives the scores.
/// Extents that only touch the box (a point, a shared edge) come last.
/// </summary>
public abstract class SpatialSearchTests(SpatialPortalFixture fixture)
{
    /// <summary>Query box, then the expected titles, best first.</summary>
    public static TheoryData<string, string[]> Queries => new()
    {
        // Iberian peninsula, Q = 13.5 * 8 = 108. Spain 196.56 / 206.28 = 0.953; Iberian rivers (bounding box
        // -9.5,38.5,2,43.3) 110.4 / 163.2 = 0.676; France shares 8.6 * 2.7 = 23.22, 46.44 / 252.06 = 0.184;
        // Pyrenees 9 / 112.5 = 0.080; Europe 216 / 2768 = 0.078; railway 2.5758 / 109.2879 = 0.024;
        // Barcelona 0.054 / 108.027 = 0.0005.
        {
            "-10,36,3.5,44",
            ["Spain", "Iberian rivers", "France", "Pyrenees", "Europe", "Lisbon to Porto railway", "Barcelona"]
        },

        // Around Paris, Q = 2.2 * 1.2 = 2.64. France 5.28 / 146.70 = 0.036; Europe 5.28 / 2662.64 = 0.002;
        // the Paris point only touches.
        { "1.4,48.1,3.6,49.3", ["France", "Europe", "Paris"] },

        // Barcelona, Q = 0.16. Barcelona 0.054 / 0.187 = 0.289; Spain 0.32 / 98.44 = 0.0033; France shares
        // 0.4 * 0.3, 0.24 / 144.22 = 0.0017; Europe 0.32 / 2660.16 = 0.0001; the Ebro part of Iberian rivers
        // ends at longitude 2.0, the box's western edge, so it only touches.
        { "2.0,41.2,2.4,41.6", ["Barcelona", "Spain", "France", "Europe", "Iberian rivers"] },

        // Across the antimeridian, Q = 240: Chukotka's bounding box spans every longitude, 180 / 3480 = 0.052.
        // Alaska lies beyond 180 degrees east in this box's terms, so it is not found, as in ckanext-spatial.
        { "170,60,190,72", ["Chukotka"] },

        // The same box written west of -180 is shifted by 360 degrees first.
        { "-190,60,-170,72", ["Chukotka"] },

        // Hawaii, Q = 35: 37.4 / 53.7 = 0.696.
        { "-161,18,-154,23", ["Hawaii"] },

        // The whole world, Q = 64800: Chukotka 6480 / 68040 = 0.095; Europe 5320 / 67460 = 0.079; Alaska
        // 997.5 / 65298.75 = 0.015; France 0.0044; Spain 0.0030; Iberian rivers 0.0017; Hawaii 0.00058;
        // Pyrenees 0.00014; railway 0.00004; Barcelona 0.0000008; the Paris point only touches.
        {
            "-180,-90,180,90",
            [
                "Chukotka", "Europe", "Alaska", "France", "Spain", "Iberian rivers", "Hawaii", "Pyrenees",
                "Lisbon to Porto railway", "Barcelona", "Paris",
            ]
        },

        // The South Atlantic: nothing.
        { "-50,-50,-40,-40", [] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Box_finds_extents_in_overlap_order(string box, string[] expected)
    {
        SkipIfUnavailable();

        var search = await SearchAsync($"ext_bbox={box}&rows=50");

        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Equal(expected.Length, search.Result!["count"]!.GetValue<int>());
        Assert.Equal(expected, Titles(search));
    }

    [Fact]
    public async Task Explicit_sort_overrides_overlap_order()
    {
        SkipIfUnavailable();

        var search = await SearchAsync("ext_bbox=-10,36,3.5,44&sort=title_string asc");

        Assert.Equal(
            ["Barcelona", "Europe", "France", "Iberian rivers", "Lisbon to Porto railway", "Pyrenees", "Spain"],
            Titles(search));
    }

    [Fact]
    public async Task Filter_and_facets_apply_within_box()
    {
        SkipIfUnavailable();

        var filtered = await SearchAsync("ext_bbox=-10,36,3.5,44&fq=tags:country");
        var faceted = await SearchAsync("ext_bbox=-10,36,3.5,44&facet.field=[\"tags\"]");

        Assert.Equal(["Spain", "France"], Titles(filtered));
        var tags = faceted.Result!["facets"]!["tags"]!;
        Assert.Equal(2, tags["country"]!.GetValue<int>());
        Assert.Equal(1, tags["city"]!.GetValue<int>());
        Assert.Equal(4, tags["region"]!.GetValue<int>());
    }

    [Fact]
    public async Task Text_query_combines_with_box()
    {
        SkipIfUnavailable();

        var search = await SearchAsync(
            "ext_bbox=-10,36,3.5,44&q=" + Uri.EscapeDataString("title:rivers OR title:railway"));

        Assert.Equal(2, search.Result!["count"]!.GetValue<int>());
        Assert.Equal(
            ["Iberian rivers", "Lisbon to Porto railway"],
            Titles(search).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Previous_extent_is_accepted_and_ignored()
    {
        SkipIfUnavailable();

        var search = await SearchAsync("ext_bbox=-161,18,-154,23&ext_prev_extent=-180,-60,180,80");

        Assert.Equal(["Hawaii"], Titles(search));
    }

    [Fact]
    public async Task Box_as_json_list_is_accepted()
    {
        SkipIfUnavailable();

        var search = await fixture.Portal.PostAsync(
            "package_search",
            new JsonObject { ["ext_bbox"] = new JsonArray(-161, 18, -154, 23) },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Equal(["Hawaii"], Titles(search));
    }

    [Fact]
    public async Task Search_without_box_finds_every_dataset()
    {
        SkipIfUnavailable();

        var search = await SearchAsync("rows=50");

        Assert.Equal(SpatialDatasets.All.Count, search.Result!["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("a,b,c,d")]
    [InlineData("10,0,5,5")]
    public async Task Invalid_box_is_search_error(string box)
    {
        SkipIfUnavailable();

        var search = await SearchAsync("ext_bbox=" + Uri.EscapeDataString(box));

        Assert.Equal(HttpStatusCode.Conflict, search.Status);
        Assert.False(search.Success);
        Assert.Equal("Search Error", search.Error["__type"]!.GetValue<string>());
        Assert.Equal("Search error: Wrong bounding box provided", search.Error["message"]!.GetValue<string>());
    }

    /// <summary>Runs package_search over HTTP.</summary>
    protected Task<ApiResponse> SearchAsync(string query) =>
        fixture.Portal.GetAsync(
            "/api/3/action/package_search?" + query,
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Skips the test when the fixture's backend cannot run here.</summary>
    protected void SkipIfUnavailable()
    {
        if (fixture.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private static string[] Titles(ApiResponse search) =>
        search.Result!["results"]!.AsArray().Select(hit => hit!["title"]!.GetValue<string>()).ToArray();
}

public sealed class IndexBackendSearchTests(IndexBackendFixture fixture)
    : SpatialSearchTests(fixture), IClassFixture<IndexBackendFixture>;

public sealed class PostgisBackendSearchTests(PostgisBackendFixture fixture)
    : SpatialSearchTests(fixture), IClassFixture<PostgisBackendFixture>;
