using System.Text.Json.Nodes;

namespace Ckan.Core.Plugins;

/// <summary>
/// A top-level dataset field that a plugin adds to the schema. Its value is kept as an extra with the field's
/// name and shown as a top-level key again, as ckanext-scheming does.
/// </summary>
/// <param name="Name">The key in the dataset dictionary.</param>
/// <param name="Required">Whether create and update fail with "Missing value" when the field is absent.</param>
/// <param name="Validate">
/// Returns the error message for an invalid value, or null when the value is valid. Not called for an
/// absent or empty value.
/// </param>
/// <param name="IsJson">
/// Whether the value is a JSON list or object rather than text. Such a value is stored as JSON text in the
/// extra and parsed back when shown.
/// </param>
public sealed record DatasetField(string Name, bool Required, Func<JsonNode, string?> Validate, bool IsJson = false);
