using System.Globalization;
using System.Text.RegularExpressions;

namespace Ckan.Core.Json;

/// <summary>
/// Formats and parses timestamps as CKAN stores and prints them: naive UTC in Python's isoformat,
/// with microseconds, which are left out only when they are exactly zero.
/// </summary>
public static partial class CkanTime
{
    private const string StorageFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    private static readonly string[] InputFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd",
    ];

    /// <summary>Returns the current UTC time truncated to microseconds.</summary>
    public static DateTime UtcNow()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>Formats a time for storage: always six fractional digits, so text order is time order.</summary>
    public static string ToStorage(DateTime value) =>
        value.ToString(StorageFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats a stored timestamp as Python's isoformat prints it.</summary>
    public static string? ToIso(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        return stored.EndsWith(".000000", StringComparison.Ordinal) ? stored[..^7] : stored;
    }

    /// <summary>
    /// Parses an ISO 8601 date or date-time as CKAN's isodate validator does (an offset or a trailing
    /// Z is converted to naive UTC) and returns it in storage form, or null when it does not parse.
    /// </summary>
    public static string? ParseToStorage(string text)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(
                trimmed,
                InputFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var parsed))
        {
            return ToStorage(parsed);
        }

        if (IsoWithOffset().IsMatch(trimmed)
            && DateTimeOffset.TryParse(
                trimmed,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var withOffset))
        {
            return ToStorage(withOffset.UtcDateTime);
        }

        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoWithOffset();
}
