using System.Globalization;

namespace Ckan.Plugins.Spatial.Geometry;

/// <summary>An axis-aligned box in WGS 84 degrees: longitudes from <see cref="MinX"/> to <see cref="MaxX"/>.</summary>
public readonly record struct BoundingBox(double MinX, double MinY, double MaxX, double MaxY)
{
    /// <summary>The area in square degrees; zero for a point or a line.</summary>
    public double Area => (MaxX - MinX) * (MaxY - MinY);

    /// <summary>
    /// Parses <c>ext_bbox</c> text, <c>minx,miny,maxx,maxy</c>, as ckanext-spatial's <c>normalize_bbox</c> does:
    /// four numbers or nothing. Returns null for any other text and for a box whose minimum exceeds its maximum.
    /// </summary>
    public static BoundingBox? Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            return null;
        }

        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])
                || !double.IsFinite(numbers[i]))
            {
                return null;
            }
        }

        var box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        return box.MinX > box.MaxX || box.MinY > box.MaxY ? null : box;
    }

    /// <summary>
    /// Shifts the box by whole turns until its western edge lies in [-180, 180], keeping its width, as
    /// ckanext-spatial does before a bounding-box search. A box drawn across the antimeridian keeps an
    /// eastern edge above 180, so it finds no extent beyond that meridian.
    /// </summary>
    public BoundingBox WithWesternEdgeInRange()
    {
        var (minX, maxX) = (MinX, MaxX);
        while (minX < -180)
        {
            minX += 360;
            maxX += 360;
        }

        while (minX > 180)
        {
            minX -= 360;
            maxX -= 360;
        }

        return this with { MinX = minX, MaxX = maxX };
    }

    /// <summary>Returns whether the boxes share a point; touching edges count.</summary>
    public bool Intersects(BoundingBox other) =>
        MinX <= other.MaxX && other.MinX <= MaxX && MinY <= other.MaxY && other.MinY <= MaxY;

    /// <summary>Returns the area the boxes share, in square degrees.</summary>
    public double IntersectionArea(BoundingBox other)
    {
        var width = Math.Max(0, Math.Min(MaxX, other.MaxX) - Math.Max(MinX, other.MinX));
        var height = Math.Max(0, Math.Min(MaxY, other.MaxY) - Math.Max(MinY, other.MinY));
        return width * height;
    }

    /// <summary>Formats the box as <c>ext_bbox</c> text.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MinX},{MinY},{MaxX},{MaxY}");
}
