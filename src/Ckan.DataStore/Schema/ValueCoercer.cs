using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ckan.DataStore.Schema;

/// <summary>
/// Turns JSON input values into the typed values stored in a column: <see cref="int"/>,
/// <see cref="long"/>, <see cref="double"/>, numeric as its canonical text (<see cref="NumericText"/>),
/// <see cref="bool"/>, <see cref="DateOnly"/>, <see cref="TimeOnly"/>, <see cref="DateTime"/>, json as
/// its text (<see cref="JsonText"/>), strings, and <c>object?[]</c> for arrays. Both backends store
/// exactly what this returns, so a value is accepted or rejected the same way on each.
/// </summary>
public static partial class ValueCoercer
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyyMMdd"];

    private static readonly string[] TimeFormats =
        ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF", "H:mm", "H:mm:ss", "H:mm:ss.FFFFFFF"];

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
    ];

    /// <summary>
    /// Returns the stored value for <paramref name="value"/> in a column of <paramref name="type"/>;
    /// null and, outside text columns, the empty string give null.
    /// </summary>
    /// <exception cref="FormatException">The value cannot be read as the type. The message gives the reason.</exception>
    public static object? Coerce(JsonNode? value, FieldType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (value is null)
        {
            return null;
        }

        if (type.IsArray)
        {
            return CoerceArray(value, type);
        }

        if (type.BaseName == "json")
        {
            return new JsonText(value.ToJsonString());
        }

        if (value is JsonObject or JsonArray)
        {
            return type.IsText
                ? value.ToJsonString()
                : throw Invalid(type, value.ToJsonString());
        }

        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        if (type.IsText)
        {
            return text;
        }

        return text.Length == 0 ? null : CoerceScalar(text, kind, type);
    }

    /// <summary>Returns the stored value for text read from a file or a query string.</summary>
    /// <exception cref="FormatException">The text cannot be read as the type.</exception>
    public static object? CoerceText(string? text, FieldType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (text is null)
        {
            return null;
        }

        if (type.IsText)
        {
            return text;
        }

        if (text.Length == 0)
        {
            return null;
        }

        return type.IsArray || type.BaseName == "json"
            ? Coerce(ParseJson(text, type), type)
            : CoerceScalar(text, JsonValueKind.String, type);
    }

    private static JsonNode? ParseJson(string text, FieldType type)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            if (type.BaseName == "json")
            {
                throw new FormatException($"invalid input syntax for type json: \"{text}\"");
            }

            return JsonValue.Create(text);
        }
    }

    private static object?[] CoerceArray(JsonNode value, FieldType type)
    {
        if (value is not JsonArray items)
        {
            throw new FormatException($"malformed array literal: \"{Shorten(value.ToJsonString())}\"");
        }

        var element = type.Element;
        var result = new object?[items.Count];
        for (var index = 0; index < items.Count; index++)
        {
            result[index] = items[index] is JsonArray ? throw Invalid(type, items[index]!.ToJsonString())
                : Coerce(items[index], element);
        }

        return result;
    }

    private static object CoerceScalar(string text, JsonValueKind kind, FieldType type)
    {
        var culture = CultureInfo.InvariantCulture;
        var trimmed = text.Trim();
        switch (type.BaseName)
        {
            case "int4":
                return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, culture, out var small) ? small
                    : throw Invalid(type, text);
            case "int8":
                return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, culture, out var big) ? big
                    : throw Invalid(type, text);
            case "float8":
                return ParseFloat(trimmed) ?? throw Invalid(type, text);
            case "numeric":
                return NumericPattern().IsMatch(trimmed) ? new NumericText(NormalizeNumeric(trimmed))
                    : throw Invalid(type, text);
            case "bool":
                return ParseBool(trimmed, kind) ?? throw Invalid(type, text);
            case "date":
                return DateOnly.TryParseExact(trimmed, DateFormats, culture, DateTimeStyles.None, out var date) ? date
                    : throw Invalid(type, text);
            case "time":
                return TimeOnly.TryParseExact(trimmed, TimeFormats, culture, DateTimeStyles.None, out var time) ? time
                    : throw Invalid(type, text);
            case "timestamp":
                return DateTime.TryParseExact(
                    trimmed, TimestampFormats, culture, DateTimeStyles.AdjustToUniversal, out var stamp)
                    ? DateTime.SpecifyKind(stamp, DateTimeKind.Unspecified)
                    : throw Invalid(type, text);
            default:
                throw new InvalidOperationException("Unhandled field type " + type.Name);
        }
    }

    private static double? ParseFloat(string text)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                return double.NaN;
            case "infinity" or "+infinity" or "inf":
                return double.PositiveInfinity;
            case "-infinity" or "-inf":
                return double.NegativeInfinity;
        }

        return NumericPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    private static bool? ParseBool(string text, JsonValueKind kind) => kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => text.ToLowerInvariant() switch
        {
            "true" or "t" or "yes" or "y" or "on" or "1" => true,
            "false" or "f" or "no" or "n" or "off" or "0" => false,
            _ => null,
        },
    };

    // A numeric keeps every digit given; the sign and bare points are tidied so the text is also a valid
    // JSON number ("+.5" becomes "0.5", "5." becomes "5").
    private static string NormalizeNumeric(string text)
    {
        var sign = text.StartsWith('-') ? "-" : "";
        var digits = text.TrimStart('+', '-');
        if (digits.StartsWith('.'))
        {
            digits = "0" + digits;
        }

        digits = digits.Replace(".e", "e", StringComparison.OrdinalIgnoreCase);
        return sign + digits.TrimEnd('.');
    }

    private static FormatException Invalid(FieldType type, string text)
    {
        var name = type.BaseName switch
        {
            "int4" => "integer",
            "int8" => "bigint",
            "float8" => "double precision",
            "bool" => "boolean",
            "timestamp" => "timestamp",
            _ => type.BaseName,
        };
        return new FormatException($"invalid input syntax for type {name}: \"{Shorten(text)}\"");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericPattern();
}

/// <summary>An exact decimal number kept as text so no digit is lost.</summary>
public sealed record NumericText(string Value)
{
    public override string ToString() => Value;
}

/// <summary>A JSON document kept as its serialized text.</summary>
public sealed record JsonText(string Value)
{
    public override string ToString() => Value;
}
