using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;

namespace Ckan.Web.Api;

/// <summary>
/// Parses a request body into a JSON tree the way Python's json module reads it for CKAN: a repeated key
/// keeps its last value. Text that is not valid JSON, or strings with unpaired UTF-16 surrogates, raise
/// <see cref="BadRequestException"/> with CKAN's "JSON Error" wording.
/// </summary>
public static class JsonBodyParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses the text, which must hold one JSON object.</summary>
    public static JsonObject ParseObject(string text)
    {
        JsonNode? node;
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            node = Convert(document.RootElement);
        }
        catch (JsonException error)
        {
            throw Invalid(text, error.Message);
        }
        catch (InvalidOperationException error)
        {
            throw Invalid(text, error.Message);
        }

        if (node is JsonObject data)
        {
            return data;
        }

        var kind = node?.GetValueKind().ToString().ToLowerInvariant() ?? "null";
        throw new BadRequestException(
            $"JSON Error: Request data JSON decoded to {kind} but it needs to be a dictionary.");
    }

    private static JsonNode? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ConvertObject(element),
        JsonValueKind.Array => new JsonArray(element.EnumerateArray().Select(Convert).ToArray()),
        JsonValueKind.String => JsonValue.Create(element.GetString()),
        JsonValueKind.Null => null,
        _ => JsonNode.Parse(element.GetRawText()),
    };

    private static JsonObject ConvertObject(JsonElement element)
    {
        var result = new JsonObject();
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = Convert(property.Value);
        }

        return result;
    }

    private static BadRequestException Invalid(string text, string reason)
    {
        var excerpt = text.Length > 200 ? text[..200] + "..." : text;
        return new BadRequestException(
            $"JSON Error: Error decoding JSON data. Error: {reason} JSON data extracted from the request: {excerpt}");
    }
}
