using Ckan.Ingest.Typing;

namespace Ckan.Ingest.Tests.Typing;

public sealed class NumberClassifierTests
{
    [Theory]
    [InlineData("0", "Int4")]
    [InlineData("-2147483648", "Int4")]
    [InlineData("2147483648", "Int8")]
    [InlineData("99999999999999999999", "Numeric")]
    [InlineData("1.25", "Numeric")]
    [InlineData(".5", "Numeric")]
    [InlineData("1e10", "Numeric")]
    [InlineData("-1.5E-3", "Numeric")]
    [InlineData("NaN", "Special")]
    [InlineData("-Infinity", "Special")]
    [InlineData("007", "None")]
    [InlineData("-01", "None")]
    [InlineData("+44", "None")]
    [InlineData("1,234", "None")]
    [InlineData("1.", "Numeric")]
    [InlineData(".", "None")]
    [InlineData("1e", "None")]
    [InlineData("-", "None")]
    [InlineData("12abc", "None")]
    [InlineData("123456789012345678901234567890123", "None")]
    public void Classifies_cell_text(string text, string expected)
    {
        var kind = NumberClassifier.Classify(text);

        Assert.Equal(expected, kind.ToString());
    }
}
