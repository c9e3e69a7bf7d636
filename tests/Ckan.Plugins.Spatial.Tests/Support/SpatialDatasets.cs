using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Plugins.Spatial.Tests.Support;

/// <summary>
/// Datasets with real-looking extents: countries, regions and cities as boxes and polygons, a multipolygon
/// across the antimeridian, a point, a line and one dataset without <c>spatial</c>. Coordinates are WGS 84
/// longitude, latitude.
/// </summary>
public static class SpatialDatasets
{
    /// <summary>Title, tag and GeoJSON of each dataset; the GeoJSON is null for none.</summary>
    public static readonly IReadOnlyList<(string Title, string Tag, string? GeoJson)> All =
    [
        ("France", "country", Box(-5.1, 41.3, 9.6, 51.1)),
        ("Spain", "country", Box(-9.3, 36.0, 3.3, 43.8)),
        ("Iberian rivers", "region",
            """{"type":"MultiPolygon","coordinates":[[[[-4.5,40.0],[2.0,40.0],[2.0,43.3],[-4.5,43.3],[-4.5,40.0]]],"""
            + """[[[-9.5,38.5],[-1.5,38.5],[-1.5,41.0],[-9.5,41.0],[-9.5,38.5]]]]}"""),
        ("Barcelona", "city", Box(2.05, 41.32, 2.23, 41.47)),
        ("Paris", "city", """{"type":"Point","coordinates":[2.35,48.86]}"""),
        ("Pyrenees", "region", Box(-1.8, 42.4, 3.2, 43.3)),
        ("Europe", "region", Box(-25, 34, 45, 72)),
        ("Chukotka", "region",
            """{"type":"MultiPolygon","coordinates":[[[[170,62],[180,62],[180,71],[170,71],[170,62]]],"""
            + """[[[-180,64],[-168,64],[-168,70],[-180,70],[-180,64]]]]}"""),
        ("Alaska", "region", Box(-168.5, 54.0, -140.0, 71.5)),
        ("Hawaii", "region", Box(-160.3, 18.9, -154.8, 22.3)),
        ("Lisbon to Porto railway", "region",
            """{"type":"LineString","coordinates":[[-9.14,38.72],[-8.61,41.15]]}"""),
        ("Population register", "country", null),
    ];

    /// <summary>Creates an organization and the datasets in a portal; returns the dataset name by title.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CreateAsync(
        TestPortal portal,
        CancellationToken cancellationToken)
    {
        var organization = Names.Unique("geo");
        await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (title, tag, geoJson) in All)
        {
            var name = Names.Unique(title.ToLowerInvariant().Replace(' ', '-'));
            var dataset = new JsonObject
            {
                ["name"] = name,
                ["title"] = title,
                ["owner_org"] = organization,
                ["tags"] = new JsonArray(new JsonObject { ["name"] = tag }),
            };
            if (geoJson is not null)
            {
                dataset["extras"] = new JsonArray(new JsonObject { ["key"] = "spatial", ["value"] = geoJson });
            }

            await portal.ArrangeAsync("package_create", dataset, cancellationToken);
            names[title] = name;
        }

        return names;
    }

    /// <summary>Returns a GeoJSON polygon covering the box, as ckanext-spatial's examples write extents.</summary>
    public static string Box(double minX, double minY, double maxX, double maxY) =>
        FormattableString.Invariant(
            $$"""{"type":"Polygon","coordinates":[[[{{minX}},{{minY}}],[{{maxX}},{{minY}}],[{{maxX}},{{maxY}}],[{{minX}},{{maxY}}],[{{minX}},{{minY}}]]]}""");
}
