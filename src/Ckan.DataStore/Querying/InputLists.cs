using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.DataStore.Querying;

/// <summary>Reads CKAN's list parameters: a JSON list, or a string of comma-separated items.</summary>
public static class InputLists
{
    /// <summary>
    /// Returns the items of a list or comma-separated string, trimmed; quoted items lose their double
    /// quotes as in CKAN. Returns null when the value is neither.
    /// </summary>
    public static IReadOnlyList<string>? Read(JsonNode? value, bool stripQuotes = true)
    {
        switch (value)
        {
            case null:
                return [];
            case JsonArray items:
                return items.Select(item => Strip(AsText(item), stripQuotes)).ToList();
        }

        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            var text = scalar.GetValue<string>();
            return text.Length == 0 ? [] : SplitOutsideQuotes(text).Select(item => Strip(item, stripQuotes)).ToList();
        }

        return null;
    }

    /// <summary>Returns a JSON scalar as text (strings unquoted), or the JSON of anything else.</summary>
    public static string AsText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    // Commas inside double-quoted names (sort "a, b" desc) do not split.
    private static IEnumerable<string> SplitOutsideQuotes(string text)
    {
        var start = 0;
        var quoted = false;
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '"')
            {
                quoted = !quoted;
            }
            else if (text[index] == ',' && !quoted)
            {
                yield return text[start..index];
                start = index + 1;
            }
        }

        yield return text[start..];
    }

    private static string Strip(string item, bool stripQuotes)
    {
        var trimmed = item.Trim();
        return stripQuotes && trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"'
            ? trimmed[1..^1]
            : trimmed;
    }
}
