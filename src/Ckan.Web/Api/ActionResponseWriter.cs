using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Json;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Api;

/// <summary>
/// Writes CKAN's response envelopes: <c>{"help", "success", "result"}</c> on success and
/// <c>{"help", "success": false, "error"}</c> on failure, as <c>application/json;charset=utf-8</c>.
/// </summary>
public static class ActionResponseWriter
{
    private const string JsonContentType = "application/json;charset=utf-8";

    /// <summary>Writes a success envelope, wrapped in a JSONP call when <paramref name="callback"/> is set.</summary>
    public static async Task WriteSuccessAsync(
        HttpResponse response,
        string helpUrl,
        ActionResult result,
        string? callback,
        CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(result.IsSerialized ? result.Utf8Json.Length + 256 : 1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("help", helpUrl);
            writer.WriteBoolean("success", true);
            writer.WritePropertyName("result");
            if (result.IsSerialized)
            {
                writer.WriteRawValue(result.Utf8Json.Span, skipInputValidation: true);
            }
            else if (result.Node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                result.Node.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        response.StatusCode = StatusCodes.Status200OK;
        await WriteBodyAsync(response, buffer.WrittenMemory, callback, cancellationToken);
    }

    /// <summary>Writes a failure envelope with the given status code.</summary>
    public static async Task WriteErrorAsync(
        HttpResponse response,
        int statusCode,
        string helpUrl,
        JsonObject error,
        CancellationToken cancellationToken)
    {
        var envelope = new JsonObject
        {
            ["help"] = helpUrl,
            ["success"] = false,
            ["error"] = error,
        };
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(envelope, JsonOutput.Options), cancellationToken);
    }

    /// <summary>Writes CKAN's bare-string body, used for requests that cannot be decoded (400 by default).</summary>
    public static async Task WriteBadRequestAsync(
        HttpResponse response,
        string message,
        CancellationToken cancellationToken,
        int statusCode = StatusCodes.Status400BadRequest)
    {
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(message, JsonOutput.Options), cancellationToken);
    }

    private static async Task WriteBodyAsync(
        HttpResponse response,
        ReadOnlyMemory<byte> json,
        string? callback,
        CancellationToken cancellationToken)
    {
        if (callback is null)
        {
            response.ContentType = JsonContentType;
            response.ContentLength = json.Length;
            await response.Body.WriteAsync(json, cancellationToken);
            return;
        }

        response.ContentType = "application/javascript;charset=utf-8";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(callback + "("), cancellationToken);
        await response.Body.WriteAsync(json, cancellationToken);
        await response.Body.WriteAsync(");"u8.ToArray(), cancellationToken);
    }
}
