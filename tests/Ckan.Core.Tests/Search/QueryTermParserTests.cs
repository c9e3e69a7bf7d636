using Ckan.Core.Errors;
using Ckan.Core.Search;
using Xunit;

namespace Ckan.Core.Tests.Search;

public sealed class QueryTermParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*:*")]
    [InlineData("AND")]
    public void Parses_match_all_as_no_terms(string text)
    {
        var terms = QueryTermParser.Parse(text, "q");

        Assert.Empty(terms);
    }

    [Fact]
    public void Parses_bare_words()
    {
        var terms = QueryTermParser.Parse("water  quality", "q");

        Assert.Equal([new QueryTerm(null, "water", false), new QueryTerm(null, "quality", false)], terms);
    }

    [Fact]
    public void Parses_field_and_value()
    {
        var terms = QueryTermParser.Parse("tags:economy", "fq");

        Assert.Equal([new QueryTerm("tags", "economy", false)], terms);
    }

    [Fact]
    public void Keeps_colons_after_the_first_in_value()
    {
        var terms = QueryTermParser.Parse("url:http://example.org", "fq");

        Assert.Equal([new QueryTerm("url", "http://example.org", false)], terms);
    }

    [Fact]
    public void Parses_quoted_value_with_spaces()
    {
        var terms = QueryTermParser.Parse("""title:"river levels" tags:water""", "fq");

        Assert.Equal([new QueryTerm("title", "river levels", false), new QueryTerm("tags", "water", false)], terms);
    }

    [Fact]
    public void Parses_quoted_phrase_as_one_word()
    {
        var terms = QueryTermParser.Parse("\"air quality: daily\"", "q");

        Assert.Equal([new QueryTerm(null, "air quality: daily", false)], terms);
    }

    [Fact]
    public void Parses_escaped_space_as_part_of_value()
    {
        var terms = QueryTermParser.Parse(@"title:river\ levels", "fq");

        Assert.Equal([new QueryTerm("title", "river levels", false)], terms);
    }

    [Fact]
    public void Parses_minus_prefix_as_negation()
    {
        var terms = QueryTermParser.Parse("-tags:obsolete -draft", "fq");

        Assert.Equal([new QueryTerm("tags", "obsolete", true), new QueryTerm(null, "draft", true)], terms);
    }

    [Fact]
    public void Parses_plus_prefix_as_required_term()
    {
        var terms = QueryTermParser.Parse("+organization:water-board", "fq");

        Assert.Equal([new QueryTerm("organization", "water-board", false)], terms);
    }

    [Fact]
    public void Parses_negated_quoted_value()
    {
        var terms = QueryTermParser.Parse("""-title:"old data" """, "fq");

        Assert.Equal([new QueryTerm("title", "old data", true)], terms);
    }

    [Theory]
    [InlineData("tags:economy AND res_format:CSV")]
    [InlineData("tags:economy && res_format:CSV")]
    [InlineData("AND tags:economy res_format:CSV AND")]
    public void Ignores_and_operator(string text)
    {
        var terms = QueryTermParser.Parse(text, "fq");

        Assert.Equal([new QueryTerm("tags", "economy", false), new QueryTerm("res_format", "CSV", false)], terms);
    }

    [Fact]
    public void Reads_lowercase_operators_as_words()
    {
        var terms = QueryTermParser.Parse("rock or roll", "q");

        Assert.Equal(["rock", "or", "roll"], terms.Select(term => term.Value));
    }

    [Theory]
    [InlineData("tags:a OR tags:b", "OR")]
    [InlineData("tags:a || tags:b", "||")]
    [InlineData("NOT tags:a", "NOT")]
    [InlineData("(tags:a tags:b)", "(tags:a")]
    [InlineData("metadata_modified:[2020-01-01T00:00:00Z TO NOW]", "metadata_modified:[2020-01-01T00:00:00Z")]
    [InlineData("num_resources:{1 TO 5}", "num_resources:{1")]
    public void Rejects_unsupported_syntax_naming_it(string text, string token)
    {
        var error = Assert.Throws<SearchQueryException>(() => QueryTermParser.Parse(text, "fq"));

        Assert.Contains($"\"{token}\" in fq", error.Detail, StringComparison.Ordinal);
        Assert.StartsWith("Search Query is invalid: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title:\"unbalanced")]
    [InlineData("\"a\" \"b")]
    public void Rejects_unbalanced_quotes(string text)
    {
        var error = Assert.Throws<SearchQueryException>(() => QueryTermParser.Parse(text, "q"));

        Assert.Contains("unbalanced quotes in q", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_escaped_quote_inside_value()
    {
        var terms = QueryTermParser.Parse("""title:5\"disk""", "fq");

        Assert.Equal([new QueryTerm("title", "5\"disk", false)], terms);
    }
}
