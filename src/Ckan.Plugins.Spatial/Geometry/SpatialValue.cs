using System.Text.Json;
using NetTopologySuite.IO.Converters;
using Geometries = NetTopologySuite.Geometries;

namespace Ckan.Plugins.Spatial.Geometry;

/// <summary>
/// Reads the GeoJSON geometry of a dataset's <c>spatial</c> extra, as ckanext-spatial's spatial_metadata
/// plugin does, with its error messages. Thread safe.
/// </summary>
public static class SpatialValue
{
    /// <summary>The extra (or top-level key) that contains the dataset's extent.</summary>
    public const string Key = "spatial";

    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>
    /// Parses GeoJSON text into a geometry. Returns the geometry and null, or null and the validation message:
    /// "Error decoding JSON object: ..." for text that is not JSON and "Error: Wrong GeoJSON object: ..." for
    /// JSON that is not a GeoJSON geometry with coordinates.
    /// </summary>
    public static (Geometries.Geometry? Geometry, string? Error) Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Wrong("expected an object with \"type\" and \"coordinates\"");
            }
        }
        catch (JsonException error)
        {
            return (null, "Error decoding JSON object: " + error.Message);
        }

        Geometries.Geometry? geometry;
        try
        {
            geometry = JsonSerializer.Deserialize<Geometries.Geometry>(text, Options);
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException
            or NotSupportedException or FormatException or IndexOutOfRangeException)
        {
            return Wrong(error.Message);
        }

        if (geometry is null || geometry.IsEmpty)
        {
            return Wrong("the geometry has no coordinates");
        }

        if (ShortRing(geometry) is { } ring)
        {
            return Wrong($"a polygon ring has {ring.NumPoints} positions; a closed ring needs at least 4");
        }

        return (geometry, null);
    }

    /// <summary>Returns the bounding box of a geometry read by <see cref="Parse"/>.</summary>
    public static BoundingBox Extent(Geometries.Geometry geometry)
    {
        var envelope = geometry.EnvelopeInternal;
        return new BoundingBox(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
    }

    // GeoJSON (RFC 7946, section 3.1.6) requires four or more positions per ring, while NTS accepts three.
    private static Geometries.LineString? ShortRing(Geometries.Geometry geometry)
    {
        for (var index = 0; index < geometry.NumGeometries; index++)
        {
            var part = geometry.GetGeometryN(index);
            if (part is Geometries.GeometryCollection && !ReferenceEquals(part, geometry))
            {
                if (ShortRing(part) is { } nested)
                {
                    return nested;
                }

                continue;
            }

            if (part is not Geometries.Polygon polygon)
            {
                continue;
            }

            var rings = polygon.InteriorRings.Prepend<Geometries.LineString>(polygon.Shell);
            if (rings.FirstOrDefault(ring => ring.NumPoints < 4) is { } shortRing)
            {
                return shortRing;
            }
        }

        return null;
    }

    private static (Geometries.Geometry?, string?) Wrong(string detail) =>
        (null, "Error: Wrong GeoJSON object: " + detail);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
