using System.Globalization;

namespace Ckan.Search.Lucene.Querying;

/// <summary>
/// Parses Solr date expressions: an ISO 8601 UTC instant (<c>2020-01-01T00:00:00Z</c>, optional
/// fraction) or <c>NOW</c>, followed by any number of steps such as <c>-1YEAR</c>, <c>+2DAYS</c> or
/// <c>/DAY</c> (round down to the start of the unit), applied left to right in UTC. Beyond Solr, a
/// date alone (<c>2020-01-01</c>) or an instant without the <c>Z</c> is read as UTC; those forms take
/// no steps.
/// </summary>
internal static class SolrDateMath
{
    private static readonly string[] LenientFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    /// <summary>
    /// Returns the instant the expression names, truncated to milliseconds as Solr stores dates.
    /// Raises <see cref="FormatException"/> naming the part it could not read.
    /// </summary>
    public static DateTimeOffset Parse(string expression, DateTimeOffset now)
    {
        var text = expression.Trim();
        DateTimeOffset value;
        int position;
        if (text.StartsWith("NOW", StringComparison.Ordinal))
        {
            value = now.ToUniversalTime();
            position = 3;
        }
        else
        {
            var end = text.IndexOf('Z', StringComparison.Ordinal);
            if (end < 0)
            {
                return Truncate(ParseLenientInstant(text, expression));
            }

            value = ParseInstant(text[..(end + 1)], expression);
            position = end + 1;
        }

        while (position < text.Length)
        {
            value = ApplyStep(text, ref position, value, expression);
        }

        return Truncate(value);
    }

    private static DateTimeOffset ParseInstant(string text, string expression)
    {
        if (DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var instant)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return instant;
        }

        throw new FormatException($"invalid date '{expression}': expected an instant such as 2020-01-01T00:00:00Z.");
    }

    private static DateTimeOffset ParseLenientInstant(string text, string expression)
    {
        if (DateTimeOffset.TryParseExact(
                text,
                LenientFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var instant))
        {
            return instant;
        }

        throw new FormatException(
            $"invalid date '{expression}': expected an instant such as 2020-01-01T00:00:00Z or NOW-1DAY.");
    }

    private static DateTimeOffset ApplyStep(string text, ref int position, DateTimeOffset value, string expression)
    {
        var operation = text[position++];
        if (operation == '/')
        {
            return RoundDown(value, ReadUnit(text, ref position, expression), expression);
        }

        if (operation is not ('+' or '-'))
        {
            throw new FormatException($"invalid date math '{expression}': unexpected '{operation}'.");
        }

        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (position == start
            || !int.TryParse(text.AsSpan(start, position - start), CultureInfo.InvariantCulture, out var amount))
        {
            throw new FormatException($"invalid date math '{expression}': expected a number after '{operation}'.");
        }

        var unit = ReadUnit(text, ref position, expression);
        return Add(value, operation == '-' ? -amount : amount, unit, expression);
    }

    private static string ReadUnit(string text, ref int position, string expression)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiLetter(text[position]))
        {
            position++;
        }

        if (position == start)
        {
            throw new FormatException($"invalid date math '{expression}': expected a unit such as DAY.");
        }

        return text[start..position].ToUpperInvariant();
    }

    private static DateTimeOffset Add(DateTimeOffset value, int amount, string unit, string expression)
    {
        try
        {
            return unit switch
            {
                "YEAR" or "YEARS" => value.AddYears(amount),
                "MONTH" or "MONTHS" => value.AddMonths(amount),
                "DAY" or "DAYS" or "DATE" => value.AddDays(amount),
                "HOUR" or "HOURS" => value.AddHours(amount),
                "MINUTE" or "MINUTES" => value.AddMinutes(amount),
                "SECOND" or "SECONDS" => value.AddSeconds(amount),
                "MILLI" or "MILLIS" or "MILLISECOND" or "MILLISECONDS" => value.AddMilliseconds(amount),
                _ => throw new FormatException($"invalid date math '{expression}': unknown unit '{unit}'."),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"invalid date math '{expression}': the result is out of range.");
        }
    }

    private static DateTimeOffset RoundDown(DateTimeOffset value, string unit, string expression)
    {
        var utc = value.UtcDateTime;
        var rounded = unit switch
        {
            "YEAR" or "YEARS" => new DateTime(utc.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            "MONTH" or "MONTHS" => new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            "DAY" or "DAYS" or "DATE" => utc.Date,
            "HOUR" or "HOURS" => new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc),
            "MINUTE" or "MINUTES" => new DateTime(
                utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc),
            "SECOND" or "SECONDS" => new DateTime(
                utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc),
            "MILLI" or "MILLIS" or "MILLISECOND" or "MILLISECONDS" => Truncate(value).UtcDateTime,
            _ => throw new FormatException($"invalid date math '{expression}': unknown unit '{unit}'."),
        };
        return new DateTimeOffset(rounded, TimeSpan.Zero);
    }

    private static DateTimeOffset Truncate(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
