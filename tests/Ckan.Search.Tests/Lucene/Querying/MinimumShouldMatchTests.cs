using Ckan.Search.Lucene.Querying;

namespace Ckan.Search.Tests.Lucene.Querying;

public sealed class MinimumShouldMatchTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    [InlineData(6, 4)]
    [InlineData(7, 5)]
    [InlineData(10, 8)]
    [InlineData(11, 8)]
    public void Optional_clause_count_gives_required_count(int optional, int required)
    {
        var result = MinimumShouldMatch.Required(optional);

        Assert.Equal(required, result);
    }
}
