using System.Text.Json.Nodes;

namespace Ckan.Core.Errors;

/// <summary>
/// Invalid input: field names mapped to lists of messages, sent as CKAN's 409 "Validation Error".
/// </summary>
public sealed class ValidationException : Exception
{
    public ValidationException(JsonObject errors)
        : base("Validation error: " + errors.ToJsonString())
    {
        Errors = errors;
    }

    /// <summary>Field name to messages; nested objects and lists for resources and extras.</summary>
    public JsonObject Errors { get; }

    /// <summary>Creates an error for one field with one message.</summary>
    public static ValidationException ForField(string field, string message) =>
        new(new JsonObject { [field] = new JsonArray(message) });

    /// <summary>Creates the error CKAN raises for a required key that is absent.</summary>
    public static ValidationException Missing(string field) => ForField(field, "Missing value");
}
