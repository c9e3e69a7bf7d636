using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Model;
using Ckan.Core.Schemas;

namespace Ckan.Core.Plugins;

/// <summary>Validates and stores the dataset fields that plugins add, and shows them as top-level keys.</summary>
public static class DatasetFieldRules
{
    /// <summary>
    /// Checks each plugin field of <paramref name="input"/> and adds its value to <paramref name="extras"/>. An
    /// extra that has a plugin field's name is dropped: the top-level field is the one that counts.
    /// </summary>
    public static void Validate(
        IReadOnlyDictionary<string, DatasetField> fields,
        JsonObject input,
        List<ExtraRow> extras,
        ErrorCollector errors)
    {
        if (fields.Count == 0)
        {
            return;
        }

        extras.RemoveAll(extra => fields.ContainsKey(extra.Key));
        foreach (var field in fields.Values)
        {
            var value = input[field.Name];
            if (value is null || (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0))
            {
                if (field.Required)
                {
                    errors.Add(field.Name, "Missing value");
                }

                continue;
            }

            if (field.Validate(value) is { } message)
            {
                errors.Add(field.Name, message);
                continue;
            }

            var text = field.IsJson || value.GetValueKind() != JsonValueKind.String
                ? value.ToJsonString()
                : value.GetValue<string>();
            extras.Add(new ExtraRow(field.Name, text));
        }
    }

    /// <summary>Moves the extras that hold plugin fields out of <c>extras</c> into top-level keys.</summary>
    public static void ShowAtTopLevel(IReadOnlyDictionary<string, DatasetField> fields, JsonObject dataset)
    {
        if (fields.Count == 0 || dataset["extras"] is not JsonArray extras)
        {
            return;
        }

        for (var index = extras.Count - 1; index >= 0; index--)
        {
            var key = extras[index]?["key"]?.GetValue<string>();
            if (key is null || !fields.TryGetValue(key, out var field))
            {
                continue;
            }

            var text = extras[index]?["value"]?.GetValue<string>();
            extras.RemoveAt(index);
            dataset[key] = field.IsJson && text is not null ? ParseOrText(text) : text;
        }
    }

    // A value stored before the field became JSON is shown as the text it was.
    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
