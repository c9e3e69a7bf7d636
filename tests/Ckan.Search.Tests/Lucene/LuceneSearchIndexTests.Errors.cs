using Ckan.Core.Errors;
using Ckan.Core.Search;

namespace Ckan.Search.Tests.Lucene;

public sealed partial class LuceneSearchIndexTests
{
    public static TheoryData<string, string> BadQueries => new()
    {
        { "title:(flood", "parenthesis" },
        { "tags:UAV)", "parenthesis" },
        { "title:\"flood", "quote" },
        { "metadata_modified:[2020-01-01T00:00:00Z TO", "range" },
        { "num_resources:[1 TO 5} ]", "range" },
        { "metadata_modified:[yesterday TO NOW]", "yesterday" },
        { "metadata_modified:NOW-1FORTNIGHT", "FORTNIGHT" },
        { "metadata_modified:2020*", "not supported" },
        { "num_resources:[a TO 5]", "a" },
        { "num_resources:five", "five" },
        { "title:flood AND", "title:flood AND" },
        { "title:flood OR OR x", "title:flood OR OR x" },
        { "*:foo", "'*'" },
        { "__json:x", "__json" },
        { "title:/[unclosed/", "title:/[unclosed/" },
        { "title:/unclosed", "regular expression" },
        { "title:flood^", "title:flood^" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_query_raises_search_query_error(string query, string named)
    {
        var real = fixture.Require();

        var error = await Assert.ThrowsAsync<SearchQueryException>(
            () => real.Index.SearchAsync(new SearchRequest { Query = query }, Token));

        Assert.StartsWith("Search Query is invalid: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_filter_raises_search_query_error(string filter, string named)
    {
        var real = fixture.Require();

        var error = await Assert.ThrowsAsync<SearchQueryException>(
            () => real.Index.SearchAsync(new SearchRequest { Filters = ["state:active", filter] }, Token));

        Assert.Contains(named, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("map AND")]
    [InlineData("OR map")]
    [InlineData("\"map river")]
    [InlineData("map (river")]
    [InlineData("map [river")]
    [InlineData("river - map")]
    [InlineData("map^ ~river! {x} /y/ && ||")]
    [InlineData("NOT")]
    public async Task Query_without_colon_never_raises(string query)
    {
        var real = fixture.Require();

        var result = await real.Index.SearchAsync(new SearchRequest { Query = query }, Token);

        Assert.True(result.Count >= 0);
    }

    [Fact]
    public async Task Unbalanced_quotes_without_colon_are_dropped()
    {
        var real = fixture.Require();

        var unbalanced = await real.AllIdsAsync("\"purchase card");
        var words = await real.AllIdsAsync("purchase card");

        Assert.Equal(words, unbalanced);
    }

    [Fact]
    public async Task Special_characters_without_colon_are_literal()
    {
        var real = fixture.Require();

        var escaped = await real.AllIdsAsync("purchase* (card)");
        var words = await real.AllIdsAsync("purchase card");

        Assert.Equal(words, escaped);
    }
}
