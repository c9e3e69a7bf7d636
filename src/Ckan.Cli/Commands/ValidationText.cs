using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.Cli.Commands;

/// <summary>
/// Formats the field-to-messages dictionary of a validation error as one line of text, such as
/// <c>email: Missing value. password: Missing value.</c>
/// </summary>
internal static class ValidationText
{
    /// <summary>
    /// Returns one sentence per field. Nested errors (resources, extras) are named by their path, as in
    /// <c>resources[0].url</c>, and empty entries for valid items are left out.
    /// </summary>
    public static string Describe(JsonObject errors)
    {
        var sentences = new List<string>();
        AddSentences(errors, "", sentences);
        return sentences.Count == 0 ? "The input was rejected without a reason." : string.Join(" ", sentences);
    }

    private static void AddSentences(JsonNode? node, string field, List<string> sentences)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (key, value) in fields)
                {
                    AddSentences(value, field.Length == 0 ? key : field + "." + key, sentences);
                }

                break;
            case JsonArray messages when messages.All(item => item is JsonValue):
                if (messages.Count > 0)
                {
                    var text = string.Join(" ", messages.Select(message => EndSentence(AsText(message))));
                    sentences.Add(Label(field) + text);
                }

                break;
            case JsonArray items:
                for (var index = 0; index < items.Count; index++)
                {
                    AddSentences(items[index], $"{field}[{index}]", sentences);
                }

                break;
            case JsonValue message:
                sentences.Add(Label(field) + EndSentence(AsText(message)));
                break;
        }
    }

    private static string Label(string field) => field.Length == 0 ? "" : field + ": ";

    private static string AsText(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : node?.ToJsonString() ?? "";

    private static string EndSentence(string text) =>
        text.Length == 0 || text[^1] is '.' or '!' or '?' ? text : text + ".";
}
