using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Tests.Schema;

public sealed class FieldNamesTests
{
    [Theory]
    [InlineData("name", "\"name\"")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("x\"; DROP TABLE t; --", "\"x\"\"; DROP TABLE t; --\"")]
    public void Quote_wraps_in_double_quotes_and_doubles_inner_quotes(string name, string expected)
    {
        Assert.Equal(expected, FieldNames.Quote(name));
    }

    [Fact]
    public void Quote_refuses_a_nul_character()
    {
        Assert.Throws<ArgumentException>(() => FieldNames.Quote("a\0b"));
    }

    [Theory]
    [InlineData("name", true)]
    [InlineData("Name with spaces", true)]
    [InlineData("_id", false)]
    [InlineData(" padded", false)]
    [InlineData("has\"quote", false)]
    [InlineData("", false)]
    public void Field_names_follow_ckan_rules(string name, bool valid)
    {
        Assert.Equal(valid, FieldNames.IsValidField(name));
    }

    [Fact]
    public void Alias_names_refuse_percent_signs()
    {
        Assert.False(FieldNames.IsValidAlias("fifty%"));
        Assert.True(FieldNames.IsValidAlias("fifty-percent"));
    }
}
