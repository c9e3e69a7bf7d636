using Ckan.Core.Errors;
using Ckan.Core.Search;
using Ckan.Search.Lucene.Analysis;
using Ckan.Search.Lucene.Querying;
using Lucene.Net.Search;

namespace Ckan.Search.Tests.Lucene.Querying;

public sealed class SearchQueryFactoryTests
{
    [Theory]
    [InlineData("*:*")]
    [InlineData("")]
    [InlineData("  ")]
    public void Match_all_scores_alike(string text)
    {
        var query = Create(new SearchRequest { Query = text });

        Assert.IsType<ConstantScoreQuery>(query);
    }

    [Fact]
    public void Query_with_colon_uses_standard_syntax()
    {
        var query = Assert.IsType<FilteredQuery>(Create(new SearchRequest { Query = "tags:economy flood" }));

        Assert.Equal("+tags:economy +text:flood", query.Query.ToString());
    }

    [Fact]
    public void Query_without_colon_uses_dismax()
    {
        var query = Assert.IsType<FilteredQuery>(Create(new SearchRequest { Query = "flood" }));

        Assert.IsType<DisjunctionMaxQuery>(query.Query);
    }

    [Fact]
    public void Filters_states_and_labels_become_the_filter()
    {
        var query = Create(new SearchRequest
        {
            Filters = ["tags:economy", ""],
            States = ["active", "draft"],
            PermissionLabels = ["public", "member-x"],
        });

        var text = query.ToString();
        Assert.Contains("tags:economy", text, StringComparison.Ordinal);
        Assert.Contains("state:active", text, StringComparison.Ordinal);
        Assert.Contains("state:draft", text, StringComparison.Ordinal);
        Assert.Contains("permission_labels:member-x", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_labels_add_no_label_filter()
    {
        var query = Create(new SearchRequest { PermissionLabels = null });

        Assert.DoesNotContain("permission_labels", query.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_filter_names_the_fq_parameter()
    {
        var error = Assert.Throws<SearchQueryException>(() => Create(new SearchRequest { Filters = ["tags:(a"] }));

        Assert.StartsWith("Cannot parse fq 'tags:(a'", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_field_value_names_the_q_parameter()
    {
        var error = Assert.Throws<SearchQueryException>(() => Create(new SearchRequest { Query = "num_tags:x" }));

        Assert.Equal(
            "Cannot parse q 'num_tags:x': num_tags: invalid number 'x', expected a whole number.",
            error.Detail);
    }

    [Fact]
    public void Missing_states_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Create(new SearchRequest { States = [] }));
    }

    private static Query Create(SearchRequest request)
    {
        using var analyzer = new FieldAnalyzer();
        return new SearchQueryFactory(analyzer).Create(request, DateTimeOffset.UnixEpoch);
    }
}
