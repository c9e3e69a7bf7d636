using System.Globalization;
using Ckan.Core.Tabular;

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

    /// <summary>
    /// Writes a cell to <paramref name="writer"/> as a value of the column's type, as <see cref="Convert"/>
    /// would give it, except that a numeric value keeps all its digits. Returns false, writing nothing, when the
    /// cell cannot be of that type: the column's type was guessed from part of the file only.
    /// </summary>
    public static bool TryWrite(ReadOnlySpan<char> cell, ColumnType column, ITypedRowWriter writer)
    {
        var value = cell.Trim();
        if (value.IsEmpty)
        {
            writer.WriteNull();
            return true;
        }

        var culture = CultureInfo.InvariantCulture;
        switch (column.Type)
        {
            case CkanTypes.Int4 when int.TryParse(value, NumberStyles.AllowLeadingSign, culture, out var number):
                writer.WriteInt4(number);
                return true;
            case CkanTypes.Int8 when long.TryParse(value, NumberStyles.AllowLeadingSign, culture, out var number):
                writer.WriteInt8(number);
                return true;
            case CkanTypes.Numeric when NumberClassifier.HasNumberSyntax(value):
                writer.WriteNumeric(value);
                return true;
            case CkanTypes.Float8 when NumberClassifier.IsSpecial(value) || NumberClassifier.HasNumberSyntax(value):
                writer.WriteFloat8(ParseDouble(value));
                return true;
            case CkanTypes.Bool when ColumnProfile.IsBool(value):
                writer.WriteBool(value.Equals("true", StringComparison.OrdinalIgnoreCase));
                return true;
            case CkanTypes.Date when ColumnProfile.TryParse(value, column.DateFormat!, out var day):
                writer.WriteDate(DateOnly.FromDateTime(day));
                return true;
            case CkanTypes.Timestamp when ColumnProfile.TryParse(value, column.DateFormat!, out var moment):
                writer.WriteTimestamp(moment);
                return true;
            case CkanTypes.Text:
                writer.WriteText(cell);
                return true;
            default:
                return false;
        }
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
