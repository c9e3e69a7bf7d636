using Ckan.Search.Lucene.Analysis;
using Ckan.Search.Lucene.Querying;
using Lucene.Net.Search;

namespace Ckan.Search.Tests.Lucene.Querying;

public sealed class SolrStandardQueryParserTests
{
    private static readonly DateTimeOffset Now = new(2023, 9, 15, 13, 45, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("tags:\"climate change\"", "tags:climate change")]
    [InlineData("tags:Economy", "tags:Economy")]
    [InlineData("organization:my-org", "organization:my-org")]
    [InlineData("res_format:CSV", "res_format:CSV")]
    [InlineData("extras_theme:Health", "extras_theme:health")]
    [InlineData("title:Flooding", "title:flood")]
    [InlineData("flooding", "text:flood")]
    [InlineData("flood rain", "+text:flood +text:rain")]
    [InlineData("flood OR rain", "text:flood text:rain")]
    [InlineData("title:\"flood maps\"", "title:\"flood map\"")]
    [InlineData("title:Flood*", "title:flood*")]
    [InlineData("res_format:CS*", "res_format:CS*")]
    [InlineData("name:*report", "name:*report")]
    [InlineData("title:fl?od", "title:fl?od")]
    [InlineData("title:Ecolog~1", "title:ecolog~1")]
    [InlineData("tags:[a TO m]", "tags:[a TO m]")]
    [InlineData("title:[A TO M}", "title:[a TO m}")]
    [InlineData("*:*", "*:*")]
    [InlineData("tags:*", "tags:[* TO *]")]
    [InlineData("any_field:Value One", "+any_field:Value +text:one")]
    public void Query_text_gives_the_lucene_query(string text, string expected)
    {
        var query = Parse(text);

        Assert.Equal(expected, query.ToString());
    }

    [Fact]
    public void Date_value_matches_its_millisecond()
    {
        var query = Assert.IsType<NumericRangeQuery<long>>(Parse("metadata_modified:\"2020-01-01T00:00:00.5Z\""));

        Assert.Equal(1577836800500L, query.Min);
        Assert.Equal(1577836800500L, query.Max);
    }

    [Fact]
    public void Date_range_applies_date_math_and_bounds()
    {
        var query = Assert.IsType<NumericRangeQuery<long>>(Parse("metadata_modified:{NOW/DAY-1DAY TO *]"));

        Assert.Equal(new DateTimeOffset(2023, 9, 14, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), query.Min);
        Assert.Null(query.Max);
        Assert.False(query.IncludesMin);
    }

    [Fact]
    public void Integer_range_reads_numbers()
    {
        var query = Assert.IsType<NumericRangeQuery<int>>(Parse("num_resources:[2 TO 5}"));

        Assert.Equal(2, query.Min);
        Assert.Equal(5, query.Max);
        Assert.True(query.IncludesMin);
        Assert.False(query.IncludesMax);
    }

    [Fact]
    public void Integer_value_matches_that_number()
    {
        var query = Assert.IsType<NumericRangeQuery<int>>(Parse("num_tags:\"-3\""));

        Assert.Equal(-3, query.Min);
        Assert.Equal(-3, query.Max);
    }

    [Theory]
    [InlineData("num_tags:many", "num_tags: invalid number 'many'")]
    [InlineData("num_tags:1*", "wildcard queries are not supported on the integer field num_tags")]
    [InlineData("metadata_created:[tomorrow TO *]", "metadata_created: invalid date 'tomorrow'")]
    [InlineData("metadata_created:2020~", "fuzzy queries are not supported on the date field")]
    [InlineData("*:value", "the field name '*' is only allowed in '*:*'")]
    [InlineData("__json:x", "undefined field __json")]
    public void Invalid_value_names_the_field(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => Parse(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static Query Parse(string text)
    {
        using var analyzer = new FieldAnalyzer();
        return new SolrStandardQueryParser(analyzer, Now).Parse(text);
    }
}
