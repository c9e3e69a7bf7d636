using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.Core.Json;

/// <summary>
/// Serializes response values as compact UTF-8 JSON. Only the characters JSON requires are escaped
/// (quotes as <c>\"</c>); other text, non-ASCII included, is written as UTF-8. CKAN escapes non-ASCII
/// as <c>\uXXXX</c>; both decode to the same strings.
/// </summary>
public static class JsonOutput
{
    /// <summary>The options used for every API response.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The writer options matching <see cref="Options"/>.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes a node to UTF-8 bytes.</summary>
    public static byte[] ToUtf8(JsonNode? node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);
}
