using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.Search.Lucene.Indexing;

/// <summary>Reads JSON scalars as the strings Solr receives for them from CKAN.</summary>
internal static class JsonScalars
{
    /// <summary>
    /// Returns a string, number or boolean as text ("true"/"false" for booleans, the literal for
    /// numbers); null for JSON null, objects and arrays.
    /// </summary>
    public static string? AsText(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.TryGetValue<string>(out var text)
                ? text
                : JsonSerializer.Deserialize<string>(value.ToJsonString()),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <summary>Returns the property as text, or null when it is missing or not a scalar.</summary>
    public static string? Property(JsonObject? parent, string name) =>
        parent is not null && parent.TryGetPropertyValue(name, out var node) ? AsText(node) : null;

    /// <summary>
    /// Returns the texts of a scalar or of each scalar in an array; objects, nulls and nested arrays
    /// yield nothing.
    /// </summary>
    public static IEnumerable<string> Values(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            return array.Select(AsText).OfType<string>();
        }

        return AsText(node) is { } text ? [text] : [];
    }
}
