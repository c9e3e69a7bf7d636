using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;

namespace Ckan.Core.Json;

/// <summary>
/// Reads values from an action's input dictionary with CKAN's coercions: query-string values arrive as
/// strings, JSON bodies carry real types, and both must mean the same.
/// </summary>
public static class DataDict
{
    private static readonly HashSet<string> TrueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "yes", "on", "y", "t", "1",
    };

    /// <summary>Returns true when the key is present, even with a null value.</summary>
    public static bool Has(JsonObject data, string key) => data.ContainsKey(key);

    /// <summary>
    /// Returns the value as text: strings as they are, numbers and booleans in their JSON spelling,
    /// null or absent as null. Objects and arrays are returned as compact JSON, as CKAN's string
    /// coercion would store them.
    /// </summary>
    public static string? GetString(JsonObject data, string key) =>
        data.TryGetPropertyValue(key, out var node) ? AsString(node) : null;

    /// <summary>Converts one node as <see cref="GetString"/> does.</summary>
    public static string? AsString(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Null => null,
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => node.ToJsonString(),
        };
    }

    /// <summary>
    /// Returns the value as a boolean with CKAN's asbool rules: JSON booleans as they are, and the
    /// strings true, yes, on, y, t and 1 (any case) as true; absent or null gives the default.
    /// </summary>
    public static bool GetBool(JsonObject data, string key, bool defaultValue)
    {
        if (!data.TryGetPropertyValue(key, out var node) || node is null)
        {
            return defaultValue;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => node.AsValue().TryGetValue<double>(out var number) && number != 0,
            JsonValueKind.String => TrueWords.Contains(node.GetValue<string>().Trim()),
            _ => defaultValue,
        };
    }

    /// <summary>
    /// Returns a natural number (0 or more) or the default when absent. A value that is not a whole
    /// number raises a validation error on the key, with CKAN's messages.
    /// </summary>
    public static int? GetNaturalNumber(JsonObject data, string key, int? defaultValue)
    {
        var value = GetInt(data, key, defaultValue);
        if (value < 0)
        {
            throw ValidationException.ForField(key, "Must be a natural number");
        }

        return value;
    }

    /// <summary>
    /// Returns an integer or the default when absent or empty; anything else raises
    /// "Invalid integer" on the key.
    /// </summary>
    public static int? GetInt(JsonObject data, string key, int? defaultValue)
    {
        if (!data.TryGetPropertyValue(key, out var node) || node is null)
        {
            return defaultValue;
        }

        var kind = node.GetValueKind();
        if (kind == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var number))
        {
            return number;
        }

        // A whole number written as a float (3.0) is accepted, as Python's int() accepts it.
        if (kind == JsonValueKind.Number && node.AsValue().TryGetValue<double>(out var real)
            && real == Math.Floor(real) && real is >= int.MinValue and <= int.MaxValue)
        {
            return (int)real;
        }

        if (kind == JsonValueKind.String)
        {
            var text = node.GetValue<string>().Trim();
            if (text.Length == 0)
            {
                return defaultValue;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }

        throw ValidationException.ForField(key, "Invalid integer");
    }

    /// <summary>
    /// Returns the value of a required key as text, raising CKAN's "Missing value" error when it is
    /// absent, null or empty.
    /// </summary>
    public static string Require(JsonObject data, string key)
    {
        var value = GetString(data, key);
        if (string.IsNullOrEmpty(value))
        {
            throw ValidationException.Missing(key);
        }

        return value;
    }

    /// <summary>
    /// Returns a list value: a JSON array as it is, a string as a list of its comma-separated parts
    /// (CKAN accepts both for list parameters sent by query string), absent as an empty list.
    /// </summary>
    public static IReadOnlyList<string> GetStringList(JsonObject data, string key)
    {
        if (!data.TryGetPropertyValue(key, out var node) || node is null)
        {
            return [];
        }

        if (node is JsonArray array)
        {
            return array.Select(AsString).OfType<string>().ToList();
        }

        var text = AsString(node) ?? "";
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
