using System.Text.Json.Nodes;
using Ckan.Core.Resources;

namespace Ckan.Web.Tests.RealData;

/// <summary>
/// Compares what a publisher sent with what package_show returns, field by field, ignoring what the
/// server computes (timestamps, positions, counts, embedded organization).
/// </summary>
internal static class MetadataComparer
{
    private static readonly string[] DatasetFields =
    [
        "id", "name", "notes", "url", "version", "author", "author_email", "maintainer", "maintainer_email",
        "license_id", "owner_org",
    ];

    private static readonly HashSet<string> ComputedResourceFields = new(StringComparer.Ordinal)
    {
        "position", "package_id", "state", "metadata_modified", "url", "created", "last_modified",
        "cache_last_updated",

        // CKAN drops these resource keys on every save.
        "extras", "revision_timestamp", "tracking_summary",
    };

    /// <summary>Asserts that every user-supplied field came back unchanged.</summary>
    public static void AssertSameUserFields(
        JsonObject sent,
        JsonObject shown,
        IReadOnlySet<string> existingGroupIds,
        string label)
    {
        foreach (var field in DatasetFields)
        {
            Assert.True(
                TextOf(sent[field]) == TextOf(shown[field]),
                $"{label}: {field} sent {sent[field]?.ToJsonString()} shown {shown[field]?.ToJsonString()}");
        }

        var title = TextOf(sent["title"]);
        Assert.Equal(string.IsNullOrEmpty(title) ? TextOf(sent["name"]) : title, TextOf(shown["title"]));
        Assert.Equal(sent["private"]?.GetValue<bool>() ?? false, shown["private"]!.GetValue<bool>());
        Assert.Equal(TagNames(sent), TagNames(shown));
        Assert.Equal(Extras(sent), Extras(shown));
        Assert.Equal(GroupNames(sent, existingGroupIds), GroupNames(shown, null));
        AssertSameResources(sent, shown, label);
    }

    private static void AssertSameResources(JsonObject sent, JsonObject shown, string label)
    {
        var sentResources = (sent["resources"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var shownResources = shown["resources"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(sentResources.Count, shownResources.Count);
        for (var index = 0; index < sentResources.Count; index++)
        {
            var before = sentResources[index];
            var after = shownResources[index];
            var where = $"{label} resource {index}";
            Assert.Equal(index, after["position"]!.GetValue<int>());
            AssertSameUrl(before, after, where);
            foreach (var (key, value) in before)
            {
                if (ComputedResourceFields.Contains(key))
                {
                    continue;
                }

                Assert.True(
                    JsonNode.DeepEquals(Normalize(key, value), Normalize(key, after[key])),
                    $"{where}: {key} sent {value?.ToJsonString()} shown {after[key]?.ToJsonString()}");
            }

            foreach (var key in new[] { "created", "last_modified" })
            {
                if (TextOf(before[key]) is { Length: > 0 } sentTime)
                {
                    Assert.Equal(sentTime.TrimEnd('Z'), TextOf(after[key]));
                }
            }
        }
    }

    // Uploaded files are served from this portal, so only the file name of an upload URL is kept.
    private static void AssertSameUrl(JsonObject before, JsonObject after, string where)
    {
        var sentUrl = TextOf(before["url"]) ?? "";
        var shownUrl = TextOf(after["url"]) ?? "";
        if (TextOf(before["url_type"]) == "upload" && sentUrl.Length > 0)
        {
            var fileName = sentUrl[(sentUrl.LastIndexOf('/') + 1)..];
            var expected = $"http://ckan.test/dataset/{after["package_id"]}/resource/{after["id"]}/download/{fileName}";
            Assert.True(expected == shownUrl, $"{where}: url {shownUrl}, expected {expected}");
            return;
        }

        Assert.True(sentUrl == shownUrl, $"{where}: url sent {sentUrl} shown {shownUrl}");
    }

    private static JsonNode? Normalize(string key, JsonNode? value)
    {
        var text = TextOf(value);
        return key switch
        {
            "description" or "hash" or "format" when string.IsNullOrEmpty(text) => JsonValue.Create(""),
            // CKAN 2.11 normalizes known formats and MIME types ("video/mp4" becomes "MP4") that older
            // portals stored as typed.
            "format" => JsonValue.Create(ResourceFormats.Normalize(text!)),
            // CKAN stores size as an integer, so "38320" comes back as 38320.
            "size" when long.TryParse(text, out var size) => JsonValue.Create(size),
            "size" when string.IsNullOrEmpty(text) => null,
            _ => value,
        };
    }

    private static List<string> TagNames(JsonObject dataset) =>
        (dataset["tags"] as JsonArray ?? [])
            .Select(tag => TextOf(tag is JsonObject dict ? dict["name"] : tag) ?? "")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> GroupNames(JsonObject dataset, IReadOnlySet<string>? existingIds) =>
        (dataset["groups"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(group => existingIds is null || existingIds.Contains(TextOf(group["id"]) ?? ""))
            .Select(group => TextOf(group["name"]) ?? "")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> Extras(JsonObject dataset) =>
        (dataset["extras"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(extra => $"{TextOf(extra["key"])}={TextOf(extra["value"])}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string? TextOf(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
