using Ckan.Core.Search;
using Ckan.Search.Lucene.Facets;

namespace Ckan.Search.Tests.Lucene.Facets;

public sealed class FacetRankingTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts =
        new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["tags"] = new Dictionary<string, int> { ["b"] = 2, ["a"] = 2, ["c"] = 5, ["d"] = 1 },
        };

    [Fact]
    public void Values_are_ordered_by_count_then_value()
    {
        var ranked = FacetRanking.Rank(Counts, null, limit: -1, minimumCount: 1);

        Assert.Equal(
            [new FacetCount("c", 5), new FacetCount("a", 2), new FacetCount("b", 2), new FacetCount("d", 1)],
            ranked["tags"]);
    }

    [Fact]
    public void Limit_and_minimum_count_cut_the_list()
    {
        var limited = FacetRanking.Rank(Counts, null, limit: 2, minimumCount: 1);
        var frequent = FacetRanking.Rank(Counts, null, limit: 10, minimumCount: 2);
        var none = FacetRanking.Rank(Counts, null, limit: 0, minimumCount: 1);

        Assert.Equal([new FacetCount("c", 5), new FacetCount("a", 2)], limited["tags"]);
        Assert.Equal(["c", "a", "b"], frequent["tags"].Select(value => value.Value));
        Assert.Empty(none["tags"]);
    }

    [Fact]
    public void Minimum_count_zero_adds_only_visible_values()
    {
        var visible = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["tags"] = new Dictionary<string, int> { ["a"] = 9, ["e"] = 3 },
        };

        var ranked = FacetRanking.Rank(Counts, visible, limit: -1, minimumCount: 0);

        Assert.Equal(
            [
                new FacetCount("c", 5), new FacetCount("a", 2), new FacetCount("b", 2), new FacetCount("d", 1),
                new FacetCount("e", 0),
            ],
            ranked["tags"]);
    }

    [Fact]
    public void Visible_values_are_ignored_above_minimum_count_zero()
    {
        var visible = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["tags"] = new Dictionary<string, int> { ["e"] = 3 },
        };

        var ranked = FacetRanking.Rank(Counts, visible, limit: -1, minimumCount: 1);

        Assert.DoesNotContain(ranked["tags"], value => value.Value == "e");
    }
}
