using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Model;

namespace Ckan.Core.Dictization;

/// <summary>
/// Turns resource view rows into CKAN's view dictionary: the columns without <c>order</c>, the settings of
/// <c>config</c> as top-level keys, and the <c>package_id</c> of the resource.
/// </summary>
public static class ResourceViewDictizer
{
    public static JsonObject Dictize(ResourceViewRow view, string packageId)
    {
        ArgumentNullException.ThrowIfNull(view);
        var result = new JsonObject
        {
            ["id"] = view.Id,
            ["resource_id"] = view.ResourceId,
            ["title"] = view.Title,
            ["description"] = view.Description,
            ["view_type"] = view.ViewType,
        };
        foreach (var (key, value) in ParseConfig(view.Config))
        {
            result[key] = value?.DeepClone();
        }

        result["package_id"] = packageId;
        return result;
    }

    /// <summary>Returns the stored settings; a missing or unreadable config is an empty object.</summary>
    public static JsonObject ParseConfig(string? config)
    {
        if (string.IsNullOrEmpty(config))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(config) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
