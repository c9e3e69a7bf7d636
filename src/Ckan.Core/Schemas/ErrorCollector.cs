using System.Text.Json.Nodes;
using Ckan.Core.Errors;

namespace Ckan.Core.Schemas;

/// <summary>
/// Gathers validation messages per field so that one response reports every problem, as CKAN does.
/// </summary>
public sealed class ErrorCollector
{
    private readonly JsonObject _errors = new();

    /// <summary>Whether any message was added.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Adds a message to a field's list.</summary>
    public void Add(string field, string message) => Add(field, JsonValue.Create(message));

    /// <summary>Adds an entry that is not plain text, such as one tag's field errors, to a field's list.</summary>
    public void Add(string field, JsonNode message)
    {
        if (_errors[field] is not JsonArray messages)
        {
            messages = new JsonArray();
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>Sets a field's error to a nested value, such as the per-resource list.</summary>
    public void Set(string field, JsonNode value) => _errors[field] = value;

    /// <summary>Returns whether the field already has a message.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>Raises a <see cref="ValidationException"/> when any message was added.</summary>
    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new ValidationException(_errors);
        }
    }
}
