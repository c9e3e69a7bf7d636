using Ckan.Core.Errors;
using Ckan.DataStore.Sqlite;

namespace Ckan.DataStore.Tests.Sqlite;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("2019-2020-Q4", "\"2019\" AND \"2020\" AND \"Q4\"")]
    [InlineData("  budget   report ", "\"budget\" AND \"report\"")]
    [InlineData("\"quoted\" OR NEAR(x)", "\"quoted\" AND \"OR\" AND \"NEAR\" AND \"x\"")]
    public void Plain_text_keeps_only_words_each_required(string text, string expected)
    {
        Assert.Equal(expected, FtsQuery.Translate(text, plain: true));
    }

    [Fact]
    public void Text_without_words_matches_nothing()
    {
        Assert.Null(FtsQuery.Translate(" -- ; ", plain: true));
    }

    [Theory]
    [InlineData("apple & !green", "\"apple\" NOT \"green\"")]
    [InlineData("(red | green) & car", "(\"red\" OR \"green\") AND \"car\"")]
    [InlineData("app:*", "\"app\" *")]
    public void Tsquery_operators_map_to_fts5(string text, string expected)
    {
        Assert.Equal(expected, FtsQuery.Translate(text, plain: false));
    }

    [Fact]
    public void Tsquery_text_fts5_cannot_express_is_a_validation_error()
    {
        Assert.Throws<ValidationException>(() => FtsQuery.Translate("a <-> b", plain: false));
    }
}
