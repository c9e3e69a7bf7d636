using System.Text.Json.Nodes;
using Ckan.Core.Json;
using Ckan.Core.Model;

namespace Ckan.Core.Dictization;

/// <summary>Builds group and organization dictionaries as group_show and group_list return them.</summary>
public static class GroupDictizer
{
    /// <summary>Builds the base dictionary; callers add counts, extras, users and packages as asked.</summary>
    public static JsonObject Dictize(GroupRow group, string siteUrl) => new()
    {
        ["approval_status"] = group.ApprovalStatus,
        ["created"] = CkanTime.ToIso(group.Created),
        ["description"] = group.Description ?? "",
        ["display_name"] = DisplayName(group),
        ["id"] = group.Id,
        ["image_display_url"] = ImageDisplayUrl(group, siteUrl),
        ["image_url"] = group.ImageUrl ?? "",
        ["is_organization"] = group.IsOrganization,
        ["name"] = group.Name,
        ["num_followers"] = 0,
        ["state"] = group.State,
        ["title"] = group.Title ?? "",
        ["type"] = group.Type,
    };

    /// <summary>Returns the title, or the name when the title is empty.</summary>
    public static string DisplayName(GroupRow group) =>
        string.IsNullOrEmpty(group.Title) ? group.Name : group.Title;

    /// <summary>
    /// Returns the image URL to show: absolute URLs as they are, uploaded image file names under
    /// <c>/uploads/group/</c> on this site.
    /// </summary>
    public static string ImageDisplayUrl(GroupRow group, string siteUrl)
    {
        var image = group.ImageUrl ?? "";
        if (image.Length == 0 || image.Contains("://", StringComparison.Ordinal) || image.StartsWith('/'))
        {
            return image;
        }

        return $"{siteUrl}/uploads/group/{image}";
    }

    /// <summary>Builds the extras list of a group, sorted by key.</summary>
    public static JsonArray DictizeExtras(IReadOnlyList<ExtraRow> extras) => new(extras
        .OrderBy(extra => extra.Key, StringComparer.Ordinal)
        .Select(extra => (JsonNode)new JsonObject
        {
            ["key"] = extra.Key,
            ["value"] = extra.Value,
            ["state"] = "active",
        })
        .ToArray());
}
