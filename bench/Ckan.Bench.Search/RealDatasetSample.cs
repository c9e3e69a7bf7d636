using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Model;

namespace Ckan.Bench.Search;

/// <summary>
/// Field values of published CKAN datasets, read from package_show dumps (one JSON dataset per line).
/// Pools keep repeated values, so picking uniformly from a pool reproduces how often each value occurs.
/// </summary>
internal sealed class RealDatasetSample
{
    // Resource columns, plus keys that CKAN computes (tracking_summary) or older versions wrote
    // (revision_id). Every other key with a scalar value goes into the resource's extras, as CKAN stores it.
    private static readonly HashSet<string> ResourceKeysNotStored = new(StringComparer.Ordinal)
    {
        "id", "package_id", "url", "format", "description", "hash", "position", "name", "resource_type",
        "mimetype", "mimetype_inner", "size", "created", "last_modified", "metadata_modified", "cache_url",
        "cache_last_updated", "url_type", "state", "revision_id", "tracking_summary",
    };

    public required IReadOnlyList<DatasetTemplate> Datasets { get; init; }
    public required IReadOnlyList<string> TitleWords { get; init; }
    public required IReadOnlyList<string> NotesWords { get; init; }
    public required IReadOnlyList<string> TagNames { get; init; }
    public required IReadOnlyList<ResourceTemplate> Resources { get; init; }

    /// <summary>Organizations, most datasets first.</summary>
    public required IReadOnlyList<GroupTemplate> Organizations { get; init; }

    /// <summary>Groups (not organizations), most datasets first.</summary>
    public required IReadOnlyList<GroupTemplate> Groups { get; init; }

    /// <summary>
    /// Reads every <c>*.jsonl</c> file in <paramref name="folder"/>; lines without a name or
    /// metadata_modified are skipped, since they are not package_show dictionaries.
    /// </summary>
    public static RealDatasetSample Load(string folder)
    {
        var files = Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        var datasets = files
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line) as JsonObject)
            .OfType<JsonObject>()
            .Where(dataset => Text(dataset["name"]) is not null && Text(dataset["metadata_modified"]) is not null)
            .ToList();
        if (datasets.Count == 0)
        {
            throw new InvalidDataException(
                $"No package_show datasets found in {folder}/*.jsonl; pass a folder of CKAN dataset dumps.");
        }

        return new RealDatasetSample
        {
            Datasets = datasets.Select(ToTemplate).ToList(),
            TitleWords = datasets.SelectMany(dataset => Words(dataset["title"])).ToList(),
            NotesWords = datasets.SelectMany(dataset => Words(dataset["notes"])).ToList(),
            TagNames = datasets.SelectMany(dataset => Objects(dataset["tags"]))
                .Where(tag => Text(tag["vocabulary_id"]) is null)
                .Select(tag => Text(tag["name"]))
                .OfType<string>()
                .ToList(),
            Resources = datasets.SelectMany(dataset => Objects(dataset["resources"])).Select(ToResource).ToList(),
            Organizations = CountGroups(datasets.Select(dataset => dataset["organization"] as JsonObject)),
            Groups = CountGroups(datasets.SelectMany(dataset => Objects(dataset["groups"]))),
        };
    }

    private static DatasetTemplate ToTemplate(JsonObject dataset)
    {
        var modified = ParseTime(dataset["metadata_modified"]);
        return new DatasetTemplate
        {
            TitleWordCount = Words(dataset["title"]).Count(),
            NotesWordCount = Words(dataset["notes"]).Count(),
            TagCount = Objects(dataset["tags"]).Count(),
            ResourceCount = Objects(dataset["resources"]).Count(),
            GroupCount = Objects(dataset["groups"]).Count(),
            HasOrganization = dataset["organization"] is JsonObject,
            Extras = Objects(dataset["extras"])
                .Where(extra => Text(extra["key"]) is not null)
                .Select(extra => new ExtraRow(Text(extra["key"])!, ScalarText(extra["value"])))
                .ToList(),
            LicenseId = Text(dataset["license_id"]),
            Author = Text(dataset["author"]),
            AuthorEmail = Text(dataset["author_email"]),
            Maintainer = Text(dataset["maintainer"]),
            MaintainerEmail = Text(dataset["maintainer_email"]),
            Url = Text(dataset["url"]),
            Version = Text(dataset["version"]),
            CreatorUserId = Text(dataset["creator_user_id"]),
            Created = dataset["metadata_created"] is null ? modified : ParseTime(dataset["metadata_created"]),
            Modified = modified,
        };
    }

    private static ResourceTemplate ToResource(JsonObject resource)
    {
        var extras = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (!ResourceKeysNotStored.Contains(key) && value is JsonValue)
            {
                extras[key] = value.DeepClone();
            }
        }

        return new ResourceTemplate
        {
            Url = Text(resource["url"]) ?? "",
            Format = Text(resource["format"]),
            Description = Text(resource["description"]),
            Hash = Text(resource["hash"]),
            Name = Text(resource["name"]),
            ResourceType = Text(resource["resource_type"]),
            Mimetype = Text(resource["mimetype"]),
            MimetypeInner = Text(resource["mimetype_inner"]),
            Size = resource["size"] is JsonValue size && size.TryGetValue<long>(out var bytes) ? bytes : null,
            LastModified = Text(resource["last_modified"]),
            UrlType = Text(resource["url_type"]),
            Extras = extras.Count == 0 ? null : extras.ToJsonString(),
        };
    }

    private static List<GroupTemplate> CountGroups(IEnumerable<JsonObject?> groups) =>
        groups
            .OfType<JsonObject>()
            .Where(group => Text(group["name"]) is not null)
            .GroupBy(group => Text(group["name"])!, StringComparer.Ordinal)
            .Select(same => new GroupTemplate(
                same.Key,
                Text(same.First()["title"]),
                Text(same.First()["description"]),
                same.Count()))
            .OrderByDescending(group => group.DatasetCount)
            .ThenBy(group => group.Name, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> Words(JsonNode? text) =>
        (Text(text) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<JsonObject> Objects(JsonNode? list) =>
        list is JsonArray array ? array.OfType<JsonObject>() : [];

    private static DateTime ParseTime(JsonNode? value) =>
        DateTime.Parse(
            Text(value) ?? throw new InvalidDataException("A dataset has no metadata_modified."),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? ScalarText(JsonNode? node) =>
        node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => node.ToJsonString(),
        };
}
