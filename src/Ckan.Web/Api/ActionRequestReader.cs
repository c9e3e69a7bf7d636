using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Uploads;
using Ckan.Web.Uploads;
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

    /// <summary>
    /// Reads the input dictionary and, from a multipart body, stages the <c>upload</c> file in
    /// <paramref name="files"/> (null when uploads are off). Raises <see cref="BadRequestException"/> for
    /// undecodable input and <see cref="ValidationException"/> for an upload over
    /// <paramref name="maxUploadBytes"/>.
    /// </summary>
    public static async Task<ActionRequest> ReadAsync(
        HttpRequest request,
        bool isSideEffectFree,
        ResourceFileStore? files,
        long maxUploadBytes,
        CancellationToken cancellationToken)
    {
        var isWrite = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method);
        if (!isWrite && !isSideEffectFree)
        {
            throw new BadRequestException("JSON Error: Invalid request. Please use POST method for your request");
        }

        if (isWrite && IsMultipart(request))
        {
            var multipart = await MultipartFormReader.ReadAsync(request, files, maxUploadBytes, cancellationToken);
            if (multipart.Fields.Count > 0 || multipart.FileCount > 0)
            {
                return new ActionRequest(FromForm(multipart.Fields, multipart.FileCount), multipart.Upload);
            }
        }
        else if (isWrite && request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, cancellationToken);
            if (form.Count > 0)
            {
                return new ActionRequest(FromForm(form.ToDictionary(), 0), null);
            }
        }

        if (isSideEffectFree && request.Query.Count > 0)
        {
            return new ActionRequest(FromPairs(request.Query), null);
        }

        var data = isWrite ? await FromJsonBodyAsync(request, cancellationToken) : new JsonObject();
        return new ActionRequest(data, null);
    }

    private static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

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

    private static JsonObject FromForm(IReadOnlyDictionary<string, StringValues> fields, int fileCount)
    {
        // CKAN's legacy form: one field whose name is the JSON document and whose value is "1" or "".
        if (fields.Count == 1 && fileCount == 0)
        {
            var (key, value) = fields.First();
            if (value.Count == 1 && value[0] is "1" or "")
            {
                return ParseObject(key);
            }
        }

        return FromPairs(fields);
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
