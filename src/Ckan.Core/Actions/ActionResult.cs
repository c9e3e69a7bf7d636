using System.Text.Json.Nodes;

namespace Ckan.Core.Actions;

/// <summary>
/// What an action returns: a JSON value, or JSON already serialized (cached reads skip building a tree).
/// </summary>
public readonly record struct ActionResult(JsonNode? Node, ReadOnlyMemory<byte> Utf8Json)
{
    /// <summary>Whether the result is pre-serialized UTF-8 JSON.</summary>
    public bool IsSerialized => !Utf8Json.IsEmpty;

    public static implicit operator ActionResult(JsonNode? node) => new(node, default);

    /// <summary>Returns the result as a JSON tree, parsing it when it is pre-serialized.</summary>
    public JsonNode? ToNode() => IsSerialized ? JsonNode.Parse(Utf8Json.Span) : Node;

    /// <summary>Wraps JSON text already serialized as UTF-8.</summary>
    public static ActionResult FromUtf8(ReadOnlyMemory<byte> json) => new(null, json);
}
