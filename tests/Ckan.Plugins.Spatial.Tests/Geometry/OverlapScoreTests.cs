using Ckan.Plugins.Spatial.Geometry;

namespace Ckan.Plugins.Spatial.Tests.Geometry;

public sealed class OverlapScoreTests
{
    private static readonly BoundingBox Box = new(0, 0, 10, 10);

    [Fact]
    public void Equal_boxes_score_one()
    {
        Assert.Equal(1, OverlapScore.Compute(Box, Box));
    }

    [Fact]
    public void Half_overlap_scores_shared_area_over_mean_area()
    {
        // Shared 50 of two areas of 100: 2 * 50 / 200.
        Assert.Equal(0.5, OverlapScore.Compute(Box, new BoundingBox(5, 0, 15, 10)), 12);
    }

    [Fact]
    public void Contained_box_scores_by_area_ratio()
    {
        // Shared 4 of areas 100 and 4: 2 * 4 / 104.
        Assert.Equal(8.0 / 104, OverlapScore.Compute(Box, new BoundingBox(1, 1, 3, 3)), 12);
    }

    [Fact]
    public void Point_inside_scores_touching()
    {
        Assert.Equal(OverlapScore.Touching, OverlapScore.Compute(Box, new BoundingBox(4, 4, 4, 4)));
    }

    [Fact]
    public void Shared_edge_scores_touching()
    {
        Assert.Equal(OverlapScore.Touching, OverlapScore.Compute(Box, new BoundingBox(10, 0, 20, 10)));
    }

    [Fact]
    public void Disjoint_boxes_score_zero()
    {
        Assert.Equal(0, OverlapScore.Compute(Box, new BoundingBox(11, 0, 20, 10)));
    }

    [Fact]
    public void Point_query_on_point_scores_touching()
    {
        var point = new BoundingBox(3, 3, 3, 3);

        Assert.Equal(OverlapScore.Touching, OverlapScore.Compute(point, point));
    }
}
