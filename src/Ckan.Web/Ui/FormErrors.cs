using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Ui;

/// <summary>
/// The validation errors of a submitted form, by field, taken from an action's
/// <see cref="ValidationException"/>. Messages CKAN's schemas produce are shown translated when the page
/// language has a translation of them, and as the action wrote them otherwise.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _messages = new(StringComparer.Ordinal);

    /// <summary>Whether there is any error.</summary>
    public bool Any => _messages.Count > 0;

    /// <summary>The fields with errors and their messages, in the order they were added.</summary>
    public IReadOnlyDictionary<string, List<string>> ByField => _messages;

    /// <summary>Adds a message for a field.</summary>
    public void Add(string field, string message)
    {
        if (!_messages.TryGetValue(field, out var list))
        {
            list = [];
            _messages[field] = list;
        }

        list.Add(message);
    }

    /// <summary>
    /// Adds every message of the action's errors. Nested errors (a resource's or an extra's fields) are
    /// flattened under their top-level field.
    /// </summary>
    public void AddFrom(ValidationException error, IStringLocalizer<UiText> text)
    {
        foreach (var (field, node) in error.Errors)
        {
            foreach (var message in Flatten(node))
            {
                var translated = text["Validation." + message];
                Add(field, translated.ResourceNotFound ? message : translated.Value);
            }
        }
    }

    /// <summary>Returns the messages of a field joined for display, or null when it has none.</summary>
    public string? For(string field) =>
        _messages.TryGetValue(field, out var list) ? string.Join(" ", list) : null;

    private static IEnumerable<string> Flatten(JsonNode? node) => node switch
    {
        JsonArray array => array.SelectMany(Flatten),
        JsonObject obj => obj.SelectMany(pair => Flatten(pair.Value)),
        JsonValue value when value.TryGetValue<string>(out var message) => [message],
        _ => [],
    };
}
