using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Plugins.Spatial.Geometry;

namespace Ckan.Plugins.Spatial.Validation;

/// <summary>Finds the GeoJSON text of a dataset's extent in a dataset dictionary or action input.</summary>
public static class SpatialExtraReader
{
    /// <summary>
    /// Returns the <c>spatial</c> value: the top-level key when present, else the extra of that name, as
    /// ckanext-spatial looks it up. Returns null when neither is set or the value is empty.
    /// </summary>
    public static string? Read(JsonObject dataset)
    {
        if (AsText(dataset[SpatialValue.Key]) is { Length: > 0 } topLevel)
        {
            return topLevel;
        }

        if (dataset["extras"] is not JsonArray extras)
        {
            return null;
        }

        foreach (var extra in extras.OfType<JsonObject>())
        {
            if (string.Equals(AsText(extra["key"]), SpatialValue.Key, StringComparison.Ordinal)
                && AsText(extra["value"]) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    // A client may send the geometry as a JSON object rather than as text; it is read the same way.
    private static string? AsText(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
