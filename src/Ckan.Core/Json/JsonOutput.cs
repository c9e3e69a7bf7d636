using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.Core.Json;

/// <summary>
/// Serializes response values. Non-ASCII characters are escaped as <c>\uXXXX</c>, as Python's json
/// module does by default for CKAN, so the bytes are plain ASCII.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>Serializes a node to UTF-8 bytes.</summary>
    public static byte[] ToUtf8(JsonNode? node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);
}
