using Ckan.Search.Lucene.Querying;

namespace Ckan.Search.Tests.Lucene.Querying;

public sealed class SolrDateMathTests
{
    private static readonly DateTimeOffset Now = new(2023, 9, 15, 13, 45, 30, 123, TimeSpan.Zero);

    [Theory]
    [InlineData("NOW", "2023-09-15T13:45:30.123Z")]
    [InlineData("NOW/DAY", "2023-09-15T00:00:00.000Z")]
    [InlineData("NOW/MONTH", "2023-09-01T00:00:00.000Z")]
    [InlineData("NOW/YEAR", "2023-01-01T00:00:00.000Z")]
    [InlineData("NOW/HOUR", "2023-09-15T13:00:00.000Z")]
    [InlineData("NOW/MINUTE", "2023-09-15T13:45:00.000Z")]
    [InlineData("NOW/SECOND", "2023-09-15T13:45:30.000Z")]
    [InlineData("NOW-1YEAR", "2022-09-15T13:45:30.123Z")]
    [InlineData("NOW-1YEARS", "2022-09-15T13:45:30.123Z")]
    [InlineData("NOW+2MONTHS", "2023-11-15T13:45:30.123Z")]
    [InlineData("NOW-7DAYS", "2023-09-08T13:45:30.123Z")]
    [InlineData("NOW/DAY-1DAY", "2023-09-14T00:00:00.000Z")]
    [InlineData("NOW/DAY+1DAY-1MILLI", "2023-09-15T23:59:59.999Z")]
    [InlineData("NOW-3HOURS+30MINUTES-10SECONDS", "2023-09-15T11:15:20.123Z")]
    [InlineData("2020-01-01T00:00:00Z", "2020-01-01T00:00:00.000Z")]
    [InlineData("2020-02-29T12:34:56.789Z", "2020-02-29T12:34:56.789Z")]
    [InlineData("2020-02-29T12:34:56.7891Z", "2020-02-29T12:34:56.789Z")]
    [InlineData("2020-01-31T00:00:00Z+1MONTH", "2020-02-29T00:00:00.000Z")]
    [InlineData("2020-06-15T08:00:00Z/MONTH", "2020-06-01T00:00:00.000Z")]
    [InlineData("2020-01-01", "2020-01-01T00:00:00.000Z")]
    [InlineData("2020-01-01T10:20:30", "2020-01-01T10:20:30.000Z")]
    [InlineData(" NOW/day ", "2023-09-15T00:00:00.000Z")]
    public void Expression_gives_the_instant(string expression, string expected)
    {
        var instant = SolrDateMath.Parse(expression, Now);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Theory]
    [InlineData("yesterday", "invalid date")]
    [InlineData("NOW-1FORTNIGHT", "FORTNIGHT")]
    [InlineData("NOW-YEAR", "expected a number")]
    [InlineData("NOW*2DAYS", "unexpected '*'")]
    [InlineData("NOW/", "expected a unit")]
    [InlineData("2020-13-01T00:00:00Z", "invalid date")]
    [InlineData("2020-01-01Z", "invalid date")]
    [InlineData("NOW+99999YEARS", "out of range")]
    public void Invalid_expression_names_the_part(string expression, string named)
    {
        var error = Assert.Throws<FormatException>(() => SolrDateMath.Parse(expression, Now));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
