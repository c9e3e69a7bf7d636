namespace Ckan.Plugins.Spatial.Geometry;

/// <summary>
/// The score by which a bounding-box search ranks extents, the one ckanext-spatial's solr-bbox backend
/// computes as a Solr boost function: 2·X / (Q + T), where X is the area the search box Q and the extent
/// T share. It is 1 when the extent equals the box and falls towards 0 as they differ.
/// </summary>
public static class OverlapScore
{
    /// <summary>
    /// The score of an extent that touches the box without sharing an area, such as a point inside it.
    /// ckanext-spatial's solr-bbox backend drops such extents; here they match and rank after every extent
    /// with a shared area.
    /// </summary>
    public const double Touching = 1e-9;

    /// <summary>Returns the score of <paramref name="extent"/> for <paramref name="box"/>, or 0 when they do not meet.</summary>
    public static double Compute(BoundingBox box, BoundingBox extent)
    {
        if (!box.Intersects(extent))
        {
            return 0;
        }

        var areas = box.Area + extent.Area;
        var score = areas > 0 ? 2 * box.IntersectionArea(extent) / areas : 0;
        return Math.Max(score, Touching);
    }
}
