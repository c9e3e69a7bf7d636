using System.Globalization;
using System.Text.Json;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Output;

/// <summary>
/// Writes row values (as the backends return them) to JSON and to delimited text. Numerics and JSON
/// columns are written from their text, so large integers and exact decimals keep every digit.
/// </summary>
public static class ValueWriter
{
    /// <summary>Writes one value as JSON for a column.</summary>
    public static void WriteJson(Utf8JsonWriter writer, OutputColumn column, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(column);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteStringValue(ValueText.FormatDouble(number));
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case string text when column.Kind == OutputKind.Numeric && IsJsonNumber(text):
                writer.WriteRawValue(text);
                break;
            case string text when column.Kind == OutputKind.Json:
                writer.WriteRawValue(text);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Returns a value as the text of a CSV or TSV cell (booleans as PostgreSQL's t and f).</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "t" : "f",
        double number => ValueText.FormatDouble(number),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Appends one CSV line (RFC 4180 quoting) to <paramref name="line"/>.</summary>
    public static void AppendDelimited(System.Text.StringBuilder line, IReadOnlyList<object?> row, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(row);
        for (var index = 0; index < row.Count; index++)
        {
            if (index > 0)
            {
                line.Append(delimiter);
            }

            var text = ToText(row[index]);
            if (text is null)
            {
                continue;
            }

            if (text.Length == 0 || text.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0)
            {
                line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(text);
            }
        }

        line.Append('\n');
    }

    private static bool IsJsonNumber(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '-') && !text.Contains("Infinity", StringComparison.Ordinal);
}
