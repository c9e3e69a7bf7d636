using System.Globalization;

namespace Ckan.Ingest.Typing;

/// <summary>
/// Converts a cell to the value of its column's type, as <see cref="Sinks.ITabularSink"/> documents.
/// The column's type was inferred from every value, so conversion does not fail for the same file.
/// </summary>
internal static class ValueConverter
{
    public static object? Convert(ReadOnlySpan<char> cell, ColumnType column)
    {
        var value = cell.Trim();
        if (value.IsEmpty)
        {
            return null;
        }

        var culture = CultureInfo.InvariantCulture;
        return column.Type switch
        {
            CkanTypes.Int4 => int.Parse(value, NumberStyles.AllowLeadingSign, culture),
            CkanTypes.Int8 => long.Parse(value, NumberStyles.AllowLeadingSign, culture),
            CkanTypes.Numeric => decimal.Parse(value, NumberStyles.Float, culture),
            CkanTypes.Float8 => ParseDouble(value),
            CkanTypes.Bool => value.Equals("true", StringComparison.OrdinalIgnoreCase),
            CkanTypes.Date => DateOnly.FromDateTime(ParseDate(value, column)),
            CkanTypes.Timestamp => ParseDate(value, column),
            _ => cell.ToString(),
        };
    }

    private static double ParseDouble(ReadOnlySpan<char> value)
    {
        if (value.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (NumberClassifier.IsSpecial(value))
        {
            return value[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static DateTime ParseDate(ReadOnlySpan<char> value, ColumnType column)
    {
        if (!ColumnProfile.TryParse(value, column.DateFormat!, out var parsed))
        {
            throw new InvalidOperationException("A value changed between the two passes over the file.");
        }

        return DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
    }
}
