using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>Reads values out of action results in the pages, where a missing key is an empty value.</summary>
public static class JsonNodeExtensions
{
    /// <summary>Returns the value at <paramref name="key"/> as text, or null when absent or JSON null.</summary>
    public static string? Str(this JsonNode? node, string key)
    {
        var value = node is JsonObject obj ? obj[key] : null;
        if (value is not JsonValue scalar)
        {
            return null;
        }

        return scalar.GetValueKind() switch
        {
            JsonValueKind.String => scalar.GetValue<string>(),
            JsonValueKind.Null => null,
            _ => scalar.ToJsonString(),
        };
    }

    /// <summary>Returns the value at <paramref name="key"/> as a list; an empty one when absent.</summary>
    public static IReadOnlyList<JsonObject> List(this JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    /// <summary>Returns the value at <paramref name="key"/> as a boolean; false when absent.</summary>
    public static bool Flag(this JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>Returns the value at <paramref name="key"/> as a whole number; zero when absent or not a number.</summary>
    public static long Number(this JsonNode? node, string key)
    {
        if (node is not JsonObject obj || obj[key] is not JsonValue value)
        {
            return 0;
        }

        // Results built in memory hold the CLR type they were made from, which TryGetValue does not convert.
        if (value.TryGetValue<long>(out var number))
        {
            return number;
        }

        return value.TryGetValue<int>(out var small) ? small : 0;
    }

    /// <summary>Returns the title, else the name, as CKAN's display_name does.</summary>
    public static string DisplayName(this JsonNode? node) =>
        node.Str("title") is { Length: > 0 } title ? title : node.Str("display_name") ?? node.Str("name") ?? "";
}
