using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Ckan.Web.Api;

/// <summary>
/// Decodes an action's input dictionary from a request the way CKAN does: a form body, else the query
/// string for read actions, else the JSON body.
/// </summary>
public static class ActionRequestReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads the input dictionary; raises <see cref="BadRequestException"/> for undecodable input.</summary>
    public static async Task<JsonObject> ReadAsync(
        HttpRequest request,
        bool isSideEffectFree,
        CancellationToken cancellationToken)
    {
        var isWrite = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method);
        if (!isWrite && !isSideEffectFree)
        {
            throw new BadRequestException("JSON Error: Invalid request. Please use POST method for your request");
        }

        if (isWrite && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Count > 0 || form.Files.Count > 0)
            {
                return FromForm(form);
            }
        }

        if (isSideEffectFree && request.Query.Count > 0)
        {
            return FromPairs(request.Query);
        }

        return isWrite ? await FromJsonBodyAsync(request, cancellationToken) : new JsonObject();
    }

    private static JsonObject FromForm(IFormCollection form)
    {
        // CKAN's legacy form: one field whose name is the JSON document and whose value is "1" or "".
        if (form.Count == 1 && form.Files.Count == 0)
        {
            var (key, value) = form.First();
            if (value.Count == 1 && value[0] is "1" or "")
            {
                return ParseObject(key);
            }
        }

        // Known limitation: file parts (the upload field) are not stored; only the form fields are read.
        return FromPairs(form);
    }

    private static JsonObject FromPairs(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        var data = new JsonObject();
        foreach (var (key, values) in pairs)
        {
            data[key] = values.Count == 1
                ? JsonValue.Create(values[0])
                : new JsonArray(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
        }

        return data;
    }

    private static async Task<JsonObject> FromJsonBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(body) ? new JsonObject() : ParseObject(body);
    }

    private static JsonObject ParseObject(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException error)
        {
            var excerpt = text.Length > 200 ? text[..200] + "..." : text;
            throw new BadRequestException(
                $"JSON Error: Error decoding JSON data. Error: {error.Message} JSON data extracted from the request: {excerpt}");
        }

        if (node is JsonObject data)
        {
            return data;
        }

        var kind = node?.GetValueKind().ToString().ToLowerInvariant() ?? "null";
        throw new BadRequestException(
            $"JSON Error: Request data JSON decoded to {kind} but it needs to be a dictionary.");
    }
}
