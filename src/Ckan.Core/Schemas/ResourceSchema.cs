using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Resources;

namespace Ckan.Core.Schemas;

/// <summary>
/// Validates one resource dictionary. Keys outside CKAN's resource columns are kept as extras with their
/// JSON types; keys the server computes (position, package id, state) and the ones CKAN always drops
/// (extras, revision_timestamp, tracking_summary) are ignored.
/// </summary>
public static class ResourceSchema
{
    private static readonly HashSet<string> Columns = new(StringComparer.Ordinal)
    {
        "id", "package_id", "url", "format", "description", "hash", "position", "name", "resource_type",
        "mimetype", "mimetype_inner", "size", "created", "last_modified", "metadata_modified", "cache_url",
        "cache_last_updated", "url_type", "state", "extras", "upload", "clear_upload", "revision_timestamp",
        "tracking_summary",
    };

    /// <summary>
    /// Validates the dictionary and returns the row, or null with messages added to
    /// <paramref name="errors"/> (a field-to-messages object for this resource). For a resource already
    /// stored (<paramref name="stored"/>), a column left out of the dictionary keeps its stored value,
    /// except url, description, resource_type and the MIME types, which CKAN clears when they are omitted.
    /// </summary>
    public static ResourceRow? Validate(JsonObject input, string packageId, JsonObject errors, ResourceRow? stored = null)
    {
        var id = DataDict.GetString(input, "id");
        var url = DataDict.GetString(input, "url") ?? "";
        var format = DataDict.GetString(input, "format");

        // As CKAN does, an empty format is guessed from the URL only for a resource given without an id.
        format = string.IsNullOrWhiteSpace(format)
            ? string.IsNullOrEmpty(id) ? ResourceFormats.GuessFromUrl(url) ?? "" : ""
            : ResourceFormats.Normalize(format);

        var size = ParseSize(input, errors);
        var created = ParseDate(input, "created", errors);
        var lastModified = ParseDate(input, "last_modified", errors);
        var cacheLastUpdated = ParseDate(input, "cache_last_updated", errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var row = new ResourceRow
        {
            Id = string.IsNullOrEmpty(id) ? Guid.NewGuid().ToString() : id,
            PackageId = packageId,
            Url = url,
            Format = format,
            Description = DataDict.GetString(input, "description"),
            Hash = DataDict.GetString(input, "hash"),
            Name = DataDict.GetString(input, "name"),
            ResourceType = DataDict.GetString(input, "resource_type"),
            Mimetype = DataDict.GetString(input, "mimetype"),
            MimetypeInner = DataDict.GetString(input, "mimetype_inner"),
            Size = size,
            Created = created,
            LastModified = lastModified,
            CacheUrl = DataDict.GetString(input, "cache_url"),
            CacheLastUpdated = cacheLastUpdated,
            UrlType = DataDict.GetString(input, "url_type"),
            Extras = CollectExtras(input),
        };
        return stored is null ? row : KeepOmittedColumns(row, stored, input);
    }

    private static ResourceRow KeepOmittedColumns(ResourceRow row, ResourceRow stored, JsonObject input) => row with
    {
        Name = input.ContainsKey("name") ? row.Name : stored.Name,
        Format = input.ContainsKey("format") ? row.Format : stored.Format,
        Hash = input.ContainsKey("hash") ? row.Hash : stored.Hash,
        Size = input.ContainsKey("size") ? row.Size : stored.Size,
        Created = input.ContainsKey("created") ? row.Created : stored.Created,
        LastModified = input.ContainsKey("last_modified") ? row.LastModified : stored.LastModified,
        CacheUrl = input.ContainsKey("cache_url") ? row.CacheUrl : stored.CacheUrl,
        CacheLastUpdated = input.ContainsKey("cache_last_updated") ? row.CacheLastUpdated : stored.CacheLastUpdated,
        UrlType = input.ContainsKey("url_type") ? row.UrlType : stored.UrlType,
    };

    private static long? ParseSize(JsonObject input, JsonObject errors)
    {
        if (!input.TryGetPropertyValue("size", out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var number))
        {
            return number;
        }

        var text = DataDict.AsString(node)?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        errors["size"] = new JsonArray("Invalid integer");
        return null;
    }

    private static string? ParseDate(JsonObject input, string key, JsonObject errors)
    {
        var text = DataDict.GetString(input, key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = CkanTime.ParseToStorage(text);
        if (parsed is null)
        {
            errors[key] = new JsonArray("Date format incorrect");
        }

        return parsed;
    }

    private static string? CollectExtras(JsonObject input)
    {
        JsonObject? extras = null;
        foreach (var (key, value) in input)
        {
            if (Columns.Contains(key))
            {
                continue;
            }

            extras ??= new JsonObject();
            extras[key] = value?.DeepClone();
        }

        return extras?.ToJsonString();
    }
}
