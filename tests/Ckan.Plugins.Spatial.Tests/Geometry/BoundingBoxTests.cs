using Ckan.Plugins.Spatial.Geometry;

namespace Ckan.Plugins.Spatial.Tests.Geometry;

public sealed class BoundingBoxTests
{
    [Theory]
    [InlineData("-4.96,55.70,-3.78,56.43", -4.96, 55.70, -3.78, 56.43)]
    [InlineData(" -10 , 36 , 3.5 , 44 ", -10, 36, 3.5, 44)]
    [InlineData("1e1,0,2e1,5", 10, 0, 20, 5)]
    public void Parses_four_numbers(string text, double minX, double minY, double maxX, double maxY)
    {
        var box = BoundingBox.Parse(text);

        Assert.Equal(new BoundingBox(minX, minY, maxX, maxY), box);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,2,3")]
    [InlineData("1,2,3,4,5")]
    [InlineData("a,b,c,d")]
    [InlineData("1,2,3,NaN")]
    [InlineData("1,2,3,Infinity")]
    [InlineData("10,0,5,5")]
    [InlineData("0,10,5,5")]
    public void Rejects_invalid_text(string text)
    {
        Assert.Null(BoundingBox.Parse(text));
    }

    [Theory]
    [InlineData(-190, -170, 170, 190)]
    [InlineData(190, 200, -170, -160)]
    [InlineData(-540, -530, -180, -170)]
    [InlineData(170, 190, 170, 190)]
    public void Shifts_western_edge_into_range(double minX, double maxX, double expectedMinX, double expectedMaxX)
    {
        var shifted = new BoundingBox(minX, 0, maxX, 10).WithWesternEdgeInRange();

        Assert.Equal(expectedMinX, shifted.MinX);
        Assert.Equal(expectedMaxX, shifted.MaxX);
        Assert.Equal(0, shifted.MinY);
        Assert.Equal(10, shifted.MaxY);
    }
}
