using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Ckan.Web.Api;

/// <summary>
/// Decodes an action's input dictionary from a request the way CKAN does: a form body, else the query
/// string for read actions, else the JSON body.
/// </summary>
public static class ActionRequestReader
{
    // CKAN reads the legacy form whose single key is the whole JSON document, so keys may be as long as
    // the body itself; the other limits keep ASP.NET Core's defaults.
    private static readonly FormOptions FormLimits = new()
    {
        KeyLengthLimit = 32 * 1024 * 1024,
        ValueLengthLimit = 32 * 1024 * 1024,
    };

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
            var form = await ReadFormAsync(request, cancellationToken);
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

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(FormLimits, cancellationToken);
        }
        catch (InvalidDataException error)
        {
            throw new BadRequestException("Form Error: the form body could not be read: " + error.Message);
        }
        catch (IOException error) when (error is not BadHttpRequestException)
        {
            throw new BadRequestException("Form Error: the form body could not be read: " + error.Message);
        }
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

    private static JsonObject ParseObject(string text) => JsonBodyParser.ParseObject(text);
}
