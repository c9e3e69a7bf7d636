using Ckan.Core.Schemas.Validators;
using Xunit;

namespace Ckan.Core.Tests.Schemas.Validators;

public sealed class EmailRulesTests
{
    [Theory]
    [InlineData("user@example.org")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("user@localhost")]
    [InlineData("UPPER@EXAMPLE.ORG")]
    [InlineData("x@a-b.example")]
    [InlineData("a!#$%&*+/=?^_`{|}~-b@example.org")]
    public void Accepts_valid_address(string email)
    {
        var valid = EmailRules.IsValid(email);

        Assert.True(valid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("@example.org")]
    [InlineData("user@")]
    [InlineData("user name@example.org")]
    [InlineData("user@exa_mple.org")]
    [InlineData("user@-example.org")]
    [InlineData("user@example-.org")]
    [InlineData("two@at@example.org")]
    [InlineData("us\u00e9r@example.org")]
    public void Rejects_invalid_address(string email)
    {
        var valid = EmailRules.IsValid(email);

        Assert.False(valid);
    }

    [Theory]
    [InlineData(".user@example.org")]
    [InlineData("user@example.org.")]
    [InlineData("user..name@example.org")]
    [InlineData("user@example..org")]
    public void Rejects_malformed_dots(string email)
    {
        var valid = EmailRules.IsValid(email);

        Assert.False(valid);
    }

    // CKAN's extra dot checks look only at the start, the end and doubled dots, so this one passes.
    [Fact]
    public void Accepts_dot_right_before_at_sign()
    {
        var valid = EmailRules.IsValid("user.@example.org");

        Assert.True(valid);
    }

    [Fact]
    public void Rejects_domain_label_longer_than_63_characters()
    {
        var email = "user@" + new string('a', 64) + ".org";

        var valid = EmailRules.IsValid(email);

        Assert.False(valid);
    }

    [Fact]
    public void Accepts_domain_label_of_63_characters()
    {
        var email = "user@" + new string('a', 63) + ".org";

        var valid = EmailRules.IsValid(email);

        Assert.True(valid);
    }
}
