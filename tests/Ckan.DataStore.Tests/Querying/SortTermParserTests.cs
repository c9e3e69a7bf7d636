using Ckan.DataStore.Querying;

namespace Ckan.DataStore.Tests.Querying;

public sealed class SortTermParserTests
{
    [Theory]
    [InlineData("age", "age", false, null)]
    [InlineData("age desc", "age", true, null)]
    [InlineData("AGE DESC NULLS FIRST", "AGE", true, true)]
    [InlineData("\"two words\" asc nulls last", "two words", false, false)]
    [InlineData("two words desc", "two words", true, null)]
    public void Reads_column_direction_and_nulls(string term, string column, bool descending, bool? nullsFirst)
    {
        Assert.Equal(new SortClause(column, descending, nullsFirst), SortTermParser.Parse(term));
    }

    [Theory]
    [InlineData("\"unterminated desc")]
    [InlineData("\"a\" sideways")]
    [InlineData("\"a\" nulls maybe")]
    public void Malformed_terms_give_null(string term)
    {
        Assert.Null(SortTermParser.Parse(term));
    }
}
