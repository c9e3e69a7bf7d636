using Ckan.Core.Json;
using Xunit;

namespace Ckan.Core.Tests.Json;

public sealed class CkanTimeTests
{
    [Fact]
    public void Iso_form_drops_zero_microseconds()
    {
        var iso = CkanTime.ToIso("2024-01-31T10:20:30.000000");

        Assert.Equal("2024-01-31T10:20:30", iso);
    }

    [Theory]
    [InlineData("2024-01-31T10:20:30.123456")]
    [InlineData("2024-01-31T10:20:30.120000")]
    [InlineData("2024-01-31T10:20:30.000001")]
    [InlineData("2024-01-31T10:20:30.100000")]
    public void Iso_form_keeps_nonzero_microseconds_in_full(string stored)
    {
        var iso = CkanTime.ToIso(stored);

        Assert.Equal(stored, iso);
    }

    [Fact]
    public void Iso_form_of_null_is_null()
    {
        var iso = CkanTime.ToIso(null);

        Assert.Null(iso);
    }

    [Fact]
    public void Storage_form_always_has_six_fractional_digits()
    {
        var whole = new DateTime(2024, 1, 31, 10, 20, 30, DateTimeKind.Utc);

        Assert.Equal("2024-01-31T10:20:30.000000", CkanTime.ToStorage(whole));
        Assert.Equal("2024-01-31T10:20:30.000007", CkanTime.ToStorage(whole.AddTicks(70)));
    }

    [Fact]
    public void Utc_now_is_utc_and_whole_microseconds()
    {
        var now = CkanTime.UtcNow();

        Assert.Equal(DateTimeKind.Utc, now.Kind);
        Assert.Equal(0, now.Ticks % 10);
    }

    [Theory]
    [InlineData("2024-01-31T10:20:30", "2024-01-31T10:20:30.000000")]
    [InlineData("2024-01-31T10:20:30.123456", "2024-01-31T10:20:30.123456")]
    [InlineData("2024-01-31T10:20:30.5", "2024-01-31T10:20:30.500000")]
    [InlineData("2024-01-31 10:20:30", "2024-01-31T10:20:30.000000")]
    [InlineData("2024-01-31 10:20:30.25", "2024-01-31T10:20:30.250000")]
    [InlineData("2024-01-31T10:20", "2024-01-31T10:20:00.000000")]
    [InlineData("  2024-01-31T10:20:30  ", "2024-01-31T10:20:30.000000")]
    public void Parses_naive_date_time_as_utc(string text, string expected)
    {
        var stored = CkanTime.ParseToStorage(text);

        Assert.Equal(expected, stored);
    }

    [Fact]
    public void Parses_date_only_as_midnight()
    {
        var stored = CkanTime.ParseToStorage("2024-01-31");

        Assert.Equal("2024-01-31T00:00:00.000000", stored);
    }

    [Theory]
    [InlineData("2024-01-31T10:20:30Z", "2024-01-31T10:20:30.000000")]
    [InlineData("2024-01-31T10:20:30.123456Z", "2024-01-31T10:20:30.123456")]
    [InlineData("2024-01-31T12:20:30+02:00", "2024-01-31T10:20:30.000000")]
    [InlineData("2024-01-31T05:20:30-05:00", "2024-01-31T10:20:30.000000")]
    [InlineData("2024-01-01T01:00:00+02:00", "2023-12-31T23:00:00.000000")]
    [InlineData("2024-01-31 12:20:30.5+02:00", "2024-01-31T10:20:30.500000")]
    public void Converts_zone_designator_and_offsets_to_naive_utc(string text, string expected)
    {
        var stored = CkanTime.ParseToStorage(text);

        Assert.Equal(expected, stored);
    }

    [Fact]
    public void Truncates_fraction_beyond_microseconds()
    {
        var stored = CkanTime.ParseToStorage("2024-01-31T10:20:30.1234567");

        Assert.Equal("2024-01-31T10:20:30.123456", stored);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("2024-01-31T25:00:00")]
    [InlineData("31")]
    public void Returns_null_for_invalid_text(string text)
    {
        var stored = CkanTime.ParseToStorage(text);

        Assert.Null(stored);
    }

    [Fact]
    public void Rejects_month_first_date()
    {
        var stored = CkanTime.ParseToStorage("01/31/2024 10:00");

        Assert.Null(stored);
    }
}
