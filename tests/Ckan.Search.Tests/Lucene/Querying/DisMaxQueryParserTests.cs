using Ckan.Search.Lucene.Analysis;
using Ckan.Search.Lucene.Querying;
using Lucene.Net.Search;

namespace Ckan.Search.Tests.Lucene.Querying;

public sealed class DisMaxQueryParserTests
{
    [Fact]
    public void Word_searches_the_query_fields_with_their_boosts()
    {
        var query = Assert.IsType<DisjunctionMaxQuery>(Parse("Flooding"));

        Assert.Equal(0.1f, query.TieBreakerMultiplier);
        Assert.Equal(
            ["name:Flooding^4.0", "title:flood^4.0", "tags:Flooding^2.0", "groups:Flooding^2.0", "text:flood"],
            query.Disjuncts.Select(disjunct => disjunct.ToString()));
    }

    [Fact]
    public void Quoted_phrase_matches_exact_fields_whole()
    {
        var query = Assert.IsType<DisjunctionMaxQuery>(Parse("\"climate change\""));

        Assert.Contains("tags:climate change^2.0", query.Disjuncts.Select(disjunct => disjunct.ToString()));
        Assert.Contains("text:\"climat chang\"", query.Disjuncts.Select(disjunct => disjunct.ToString()));
    }

    [Theory]
    [InlineData("alpha beta", 2, 2)]
    [InlineData("alpha beta gamma", 3, 2)]
    [InlineData("alpha beta gamma delta epsilon", 5, 4)]
    [InlineData("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10", 10, 8)]
    public void Optional_words_follow_the_minimum_match_rule(string text, int clauses, int required)
    {
        var query = Assert.IsType<BooleanQuery>(Parse(text));

        Assert.Equal(clauses, query.Clauses.Count);
        Assert.Equal(required, query.MinimumNumberShouldMatch);
    }

    [Fact]
    public void Plus_and_minus_words_are_required_and_excluded()
    {
        var query = Assert.IsType<BooleanQuery>(Parse("+alpha -beta gamma"));

        Assert.Equal([Occur.MUST, Occur.MUST_NOT, Occur.SHOULD], query.Clauses.Select(clause => clause.Occur));
        Assert.Equal(1, query.MinimumNumberShouldMatch);
    }

    [Theory]
    [InlineData("alpha AND beta")]
    [InlineData("alpha && beta")]
    public void And_operator_requires_both_words(string text)
    {
        var query = Assert.IsType<BooleanQuery>(Parse(text));

        Assert.Equal([Occur.MUST, Occur.MUST], query.Clauses.Select(clause => clause.Occur));
    }

    [Theory]
    [InlineData("title:flood")]
    [InlineData("flood*")]
    [InlineData("(flood)")]
    [InlineData("flood~2")]
    [InlineData("[flood TO x]")]
    public void Special_characters_are_taken_literally(string text)
    {
        var query = Parse(text);

        Assert.DoesNotContain(query is BooleanQuery boolean ? boolean.Clauses.Select(clause => clause.Query) : [query],
            clause => clause is WildcardQuery or PrefixQuery or FuzzyQuery or TermRangeQuery);
    }

    [Fact]
    public void Unbalanced_quote_is_dropped()
    {
        var query = Assert.IsType<BooleanQuery>(Parse("\"climate change"));

        Assert.Equal(2, query.Clauses.Count);
    }

    [Theory]
    [InlineData("flood AND")]
    [InlineData("OR flood")]
    [InlineData("flood -")]
    [InlineData("NOT")]
    public void Dangling_operators_do_not_raise(string text)
    {
        var query = Parse(text);

        Assert.NotNull(query);
    }

    private static Query Parse(string text)
    {
        using var analyzer = new FieldAnalyzer();
        var fields = new SolrStandardQueryParser(analyzer, DateTimeOffset.UnixEpoch);
        return new DisMaxQueryParser(analyzer, fields).ParseUserQuery(text);
    }
}
