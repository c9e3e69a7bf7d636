using Ckan.Core.Schemas.Validators;
using Xunit;

namespace Ckan.Core.Tests.Schemas.Validators;

public sealed class TagRulesTests
{
    [Theory]
    [InlineData("economy")]
    [InlineData("Air Quality")]
    [InlineData("co2-levels_v1.0")]
    [InlineData("donn\u00e9es")]
    [InlineData("\u65e5\u672c\u8a9e")]
    [InlineData("42")]
    public void Accepts_valid_tag(string name)
    {
        var messages = TagRules.Check(name);

        Assert.Empty(messages);
    }

    [Fact]
    public void Accepts_tag_of_100_characters()
    {
        var messages = TagRules.Check(new string('t', 100));

        Assert.Empty(messages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    public void Rejects_tag_shorter_than_two(string name)
    {
        var messages = TagRules.Check(name);

        Assert.Equal([$"Tag \"{name}\" length is less than minimum 2"], messages);
    }

    [Fact]
    public void Rejects_tag_of_101_characters()
    {
        var name = new string('t', 101);

        var messages = TagRules.Check(name);

        Assert.Equal([$"Tag \"{name}\" length is more than maximum 100"], messages);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("comma,tag")]
    [InlineData("hash#tag")]
    [InlineData("quote\"d")]
    [InlineData("semi;colon")]
    public void Rejects_characters_outside_letters_digits_and_separators(string name)
    {
        var messages = TagRules.Check(name);

        Assert.Equal([CharactersMessage(name)], messages);
    }

    [Fact]
    public void Reports_length_and_characters_together()
    {
        var messages = TagRules.Check("!");

        Assert.Equal(["Tag \"!\" length is less than minimum 2", CharactersMessage("!")], messages);
    }

    private static string CharactersMessage(string name) =>
        $"Tag \"{name}\" can only contain alphanumeric characters, spaces (\" \"), hyphens (\"-\"), "
        + "underscores (\"_\") or dots (\".\")";
}
