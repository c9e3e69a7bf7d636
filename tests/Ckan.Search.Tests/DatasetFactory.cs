using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Search;

namespace Ckan.Search.Tests;

/// <summary>
/// Builds package_show dictionaries with the fields a test names and CKAN's defaults for the rest, and
/// wraps them as datasets to index. Names and ids are unique unless given.
/// </summary>
public static class DatasetFactory
{
    public static JsonObject Create(
        string? name = null,
        string title = "A dataset",
        string? notes = null,
        IReadOnlyList<string>? tags = null,
        string? organization = null,
        IReadOnlyList<string>? groups = null,
        IReadOnlyList<string>? formats = null,
        IReadOnlyList<(string Key, string Value)>? extras = null,
        string licenseId = "cc-by",
        bool isPrivate = false,
        string state = "active",
        DateTime? modified = null)
    {
        var id = Guid.NewGuid().ToString();
        var timestamp = (modified ?? new DateTime(2022, 3, 4, 5, 6, 7, DateTimeKind.Utc))
            .ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        var resources = (formats ?? []).Select((format, index) => (JsonNode)new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = $"Resource {index + 1}",
            ["description"] = "",
            ["format"] = format,
            ["url"] = $"http://example.org/{id}/{index}.{format.ToLowerInvariant()}",
            ["resource_type"] = null,
            ["position"] = index,
        }).ToArray();
        return new JsonObject
        {
            ["author"] = null,
            ["id"] = id,
            ["isopen"] = true,
            ["license_id"] = licenseId,
            ["license_title"] = licenseId.ToUpperInvariant(),
            ["maintainer"] = null,
            ["metadata_created"] = timestamp,
            ["metadata_modified"] = timestamp,
            ["name"] = name ?? "dataset-" + id,
            ["notes"] = notes,
            ["num_resources"] = resources.Length,
            ["num_tags"] = tags?.Count ?? 0,
            ["organization"] = organization is null
                ? null
                : new JsonObject { ["id"] = organization + "-id", ["name"] = organization, ["title"] = organization },
            ["owner_org"] = organization is null ? null : organization + "-id",
            ["private"] = isPrivate,
            ["state"] = state,
            ["title"] = title,
            ["type"] = "dataset",
            ["url"] = null,
            ["version"] = null,
            ["extras"] = new JsonArray((extras ?? [])
                .Select(extra => (JsonNode)new JsonObject { ["key"] = extra.Key, ["value"] = extra.Value })
                .ToArray()),
            ["groups"] = new JsonArray((groups ?? [])
                .Select(group => (JsonNode)new JsonObject { ["name"] = group, ["title"] = group })
                .ToArray()),
            ["resources"] = new JsonArray(resources),
            ["tags"] = new JsonArray((tags ?? [])
                .Select(tag => (JsonNode)new JsonObject { ["name"] = tag, ["vocabulary_id"] = null })
                .ToArray()),
        };
    }

    /// <summary>Wraps a dictionary to index, serializing it, with the given labels ("public" by default).</summary>
    public static IndexedDataset Indexed(JsonObject dictionary, params string[] labels) => new()
    {
        Dictionary = dictionary,
        Json = JsonSerializer.SerializeToUtf8Bytes(dictionary),
        PermissionLabels = labels.Length == 0 ? ["public"] : labels,
    };

    /// <summary>Returns the id of a stored dataset JSON.</summary>
    public static string IdOf(byte[] json) => JsonNode.Parse(json)!["id"]!.GetValue<string>();
}
