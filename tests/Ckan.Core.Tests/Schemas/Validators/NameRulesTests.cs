using Ckan.Core.Schemas.Validators;
using Xunit;

namespace Ckan.Core.Tests.Schemas.Validators;

public sealed class NameRulesTests
{
    private const string TooShort = "Must be at least 2 characters long";
    private const string TooLong = "Name must be a maximum of 100 characters long";
    private const string BadCharacters =
        "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_";

    [Theory]
    [InlineData("ab")]
    [InlineData("my-dataset_2")]
    [InlineData("2024")]
    [InlineData("--")]
    [InlineData("news")]
    [InlineData("new-data")]
    public void Accepts_valid_name(string name)
    {
        var message = NameRules.Check(name);

        Assert.Null(message);
    }

    [Fact]
    public void Accepts_name_of_100_characters()
    {
        var message = NameRules.Check(new string('a', 100));

        Assert.Null(message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    public void Rejects_name_shorter_than_two(string name)
    {
        var message = NameRules.Check(name);

        Assert.Equal(TooShort, message);
    }

    [Fact]
    public void Rejects_name_of_101_characters()
    {
        var message = NameRules.Check(new string('a', 101));

        Assert.Equal(TooLong, message);
    }

    [Theory]
    [InlineData("My-Dataset")]
    [InlineData("with space")]
    [InlineData("dotted.name")]
    [InlineData("caf\u00e9")]
    [InlineData("slash/name")]
    [InlineData("tab\tname")]
    public void Rejects_characters_outside_lowercase_ascii(string name)
    {
        var message = NameRules.Check(name);

        Assert.Equal(BadCharacters, message);
    }

    [Theory]
    [InlineData("new")]
    [InlineData("edit")]
    [InlineData("search")]
    public void Rejects_reserved_word(string name)
    {
        var message = NameRules.Check(name);

        Assert.Equal("That name cannot be used", message);
    }

    [Fact]
    public void Reports_length_before_characters()
    {
        var message = NameRules.Check(new string('A', 101));

        Assert.Equal(TooLong, message);
    }
}
