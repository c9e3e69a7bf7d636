using System.Globalization;

namespace Ckan.DataStore.Schema;

/// <summary>
/// Writes coerced values (see <see cref="ValueCoercer"/>) as the text both backends store or cast
/// from: ISO dates and times, invariant numbers, <c>true</c>/<c>false</c>.
/// </summary>
public static class ValueText
{
    /// <summary>Returns the canonical text of a coerced scalar value; null stays null.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => FormatDouble(number),
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTime stamp => stamp.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        NumericText numeric => numeric.Value,
        JsonText json => json.Value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Returns a double as PostgreSQL writes it: shortest round-trip digits, <c>NaN</c>, <c>Infinity</c>.</summary>
    public static string FormatDouble(double number) => number switch
    {
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ when double.IsNaN(number) => "NaN",
        _ => number.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Returns a timestamp as CKAN's search shows it: <c>YYYY-MM-DDTHH:MM:SS</c>, without fraction or zone.
    /// </summary>
    public static string FormatTimestampForOutput(string stored) =>
        stored.Length >= 19 ? stored[..10] + "T" + stored[11..19] : stored;
}
