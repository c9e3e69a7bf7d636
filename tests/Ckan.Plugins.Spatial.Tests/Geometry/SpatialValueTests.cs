using Ckan.Plugins.Spatial.Geometry;

namespace Ckan.Plugins.Spatial.Tests.Geometry;

public sealed class SpatialValueTests
{
    [Theory]
    [InlineData("""{"type":"Point","coordinates":[2.35,48.86]}""", 2.35, 48.86, 2.35, 48.86)]
    [InlineData(
        """{"type":"Polygon","coordinates":[[[-5.1,41.3],[9.6,41.3],[9.6,51.1],[-5.1,51.1],[-5.1,41.3]]]}""",
        -5.1, 41.3, 9.6, 51.1)]
    [InlineData(
        """{"type":"MultiPolygon","coordinates":[[[[170,62],[180,62],[180,71],[170,71],[170,62]]],"""
        + """[[[-180,64],[-168,64],[-168,70],[-180,70],[-180,64]]]]}""",
        -180, 62, 180, 71)]
    [InlineData("""{"type":"LineString","coordinates":[[-9.14,38.72],[-8.61,41.15]]}""", -9.14, 38.72, -8.61, 41.15)]
    [InlineData(
        """{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0,0]},"""
        + """{"type":"Point","coordinates":[3,4]}]}""",
        0, 0, 3, 4)]
    public void Reads_extent_of_geometry(string text, double minX, double minY, double maxX, double maxY)
    {
        var (geometry, error) = SpatialValue.Parse(text);

        Assert.Null(error);
        Assert.NotNull(geometry);
        Assert.Equal(new BoundingBox(minX, minY, maxX, maxY), SpatialValue.Extent(geometry));
    }

    [Theory]
    [InlineData("{\"type\": \"Point\", ")]
    [InlineData("not json")]
    public void Rejects_invalid_json(string text)
    {
        var (geometry, error) = SpatialValue.Parse(text);

        Assert.Null(geometry);
        Assert.StartsWith("Error decoding JSON object: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"POINT (1 2)\"")]
    [InlineData("""{"type":"Circle","coordinates":[1,2],"radius":3}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}""")]
    [InlineData("""{"type":"Point","coordinates":["a","b"]}""")]
    [InlineData("""{"type":"Point","coordinates":[]}""")]
    [InlineData("""{"type":"Polygon"}""")]
    [InlineData("""{"coordinates":[1,2]}""")]
    public void Rejects_wrong_geojson(string text)
    {
        var (geometry, error) = SpatialValue.Parse(text);

        Assert.Null(geometry);
        Assert.StartsWith("Error: Wrong GeoJSON object: ", error, StringComparison.Ordinal);
    }
}
