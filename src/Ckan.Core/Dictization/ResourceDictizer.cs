using System.Text.Json.Nodes;
using Ckan.Core.Json;
using Ckan.Core.Model;

namespace Ckan.Core.Dictization;

/// <summary>
/// Turns a stored resource into its dictionary: the columns, then the extra keys flattened at the top
/// level. Uploaded files get CKAN's download URL on this site.
/// </summary>
public static class ResourceDictizer
{
    /// <summary>Builds the resource dictionary; <paramref name="position"/> is its 0-based place in the dataset.</summary>
    public static JsonObject Dictize(ResourceRow resource, int position, string siteUrl)
    {
        var dict = new JsonObject
        {
            ["cache_last_updated"] = CkanTime.ToIso(resource.CacheLastUpdated),
            ["cache_url"] = resource.CacheUrl,
            ["created"] = CkanTime.ToIso(resource.Created),
            ["description"] = resource.Description ?? "",
            ["format"] = resource.Format ?? "",
            ["hash"] = resource.Hash ?? "",
            ["id"] = resource.Id,
            ["last_modified"] = CkanTime.ToIso(resource.LastModified),
            ["metadata_modified"] = CkanTime.ToIso(resource.MetadataModified),
            ["mimetype"] = resource.Mimetype,
            ["mimetype_inner"] = resource.MimetypeInner,
            ["name"] = resource.Name,
            ["package_id"] = resource.PackageId,
            ["position"] = position,
            ["resource_type"] = resource.ResourceType,
            ["size"] = resource.Size,
            ["state"] = resource.State,
            ["url"] = DisplayUrl(resource, siteUrl),
            ["url_type"] = resource.UrlType,
        };

        if (resource.Extras is { Length: > 2 } && JsonNode.Parse(resource.Extras) is JsonObject extras)
        {
            foreach (var (key, value) in extras)
            {
                if (!dict.ContainsKey(key))
                {
                    dict[key] = value?.DeepClone();
                }
            }
        }

        return dict;
    }

    /// <summary>
    /// Returns the URL a client sees: for uploads, CKAN's download route on this site with the stored
    /// file name; otherwise the stored URL.
    /// </summary>
    public static string DisplayUrl(ResourceRow resource, string siteUrl)
    {
        if (resource.Url.Length == 0)
        {
            return resource.Url;
        }

        if (!string.Equals(resource.UrlType, "upload", StringComparison.Ordinal))
        {
            // CKAN shows a link stored without a scheme ("example.org/data.csv") as an http:// URL.
            return HasScheme(resource.Url) ? resource.Url : "http://" + resource.Url.TrimStart('/');
        }

        var fileName = resource.Url[(resource.Url.LastIndexOf('/') + 1)..];
        return $"{siteUrl}/dataset/{resource.PackageId}/resource/{resource.Id}/download/{fileName}";
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && url[..colon].All(character => char.IsAsciiLetterOrDigit(character) || character is '+' or '-' or '.')
            && char.IsAsciiLetter(url[0]);
    }
}
