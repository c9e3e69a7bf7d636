using System.Text.Json.Nodes;
using Ckan.Core.Json;
using Ckan.Core.Licenses;
using Ckan.Core.Model;
using Ckan.Core.Plugins;

namespace Ckan.Core.Dictization;

/// <summary>
/// Turns a stored dataset into the dictionary package_show returns in CKAN 2.11: core fields with nulls
/// kept, the embedded organization, resources, tags, extras sorted by key and groups.
/// </summary>
public static class PackageDictizer
{
    /// <summary>Builds the dataset dictionary, showing plugin fields as top-level keys.</summary>
    public static JsonObject Dictize(
        PackageGraph graph,
        LicenseRegister licenses,
        string siteUrl,
        IReadOnlyDictionary<string, DatasetField>? pluginFields = null)
    {
        var package = graph.Package;
        var license = licenses.Find(package.LicenseId);
        var dict = new JsonObject
        {
            ["author"] = package.Author,
            ["author_email"] = package.AuthorEmail,
            ["creator_user_id"] = package.CreatorUserId,
            ["id"] = package.Id,
            ["isopen"] = license?.IsOpen ?? false,
            ["license_id"] = package.LicenseId,
            ["license_title"] = license?.Title ?? package.LicenseId,
        };
        if (license is not null && license.Url.Length > 0)
        {
            dict["license_url"] = license.Url;
        }

        dict["maintainer"] = package.Maintainer;
        dict["maintainer_email"] = package.MaintainerEmail;
        dict["metadata_created"] = CkanTime.ToIso(package.MetadataCreated);
        dict["metadata_modified"] = CkanTime.ToIso(package.MetadataModified);
        dict["name"] = package.Name;
        dict["notes"] = package.Notes;
        dict["num_resources"] = graph.Resources.Count;
        dict["num_tags"] = graph.Tags.Count;
        dict["organization"] = graph.Organization is null ? null : DictizeOrganization(graph.Organization);
        dict["owner_org"] = package.OwnerOrg;
        dict["private"] = package.Private;
        dict["state"] = package.State;
        dict["title"] = package.Title;
        dict["type"] = package.Type;
        dict["url"] = package.Url;
        dict["version"] = package.Version;
        dict["extras"] = new JsonArray(graph.Extras
            .OrderBy(extra => extra.Key, StringComparer.Ordinal)
            .Select(extra => (JsonNode)new JsonObject { ["key"] = extra.Key, ["value"] = extra.Value })
            .ToArray());
        dict["groups"] = new JsonArray(graph.Groups.Select(group => (JsonNode)DictizeGroupSummary(group, siteUrl)).ToArray());
        dict["resources"] = new JsonArray(graph.Resources
            .Select((resource, index) => (JsonNode)ResourceDictizer.Dictize(resource, index, siteUrl))
            .ToArray());
        dict["tags"] = new JsonArray(graph.Tags.Select(tag => (JsonNode)DictizeTag(tag)).ToArray());
        dict["relationships_as_object"] = new JsonArray();
        dict["relationships_as_subject"] = new JsonArray();
        if (pluginFields is not null)
        {
            DatasetFieldRules.ShowAtTopLevel(pluginFields, dict);
        }

        return dict;
    }

    /// <summary>Builds the short organization dictionary embedded in a dataset.</summary>
    public static JsonObject DictizeOrganization(GroupRow organization) => new()
    {
        ["id"] = organization.Id,
        ["name"] = organization.Name,
        ["title"] = organization.Title,
        ["type"] = organization.Type,
        ["description"] = organization.Description,
        ["image_url"] = organization.ImageUrl,
        ["created"] = CkanTime.ToIso(organization.Created),
        ["is_organization"] = organization.IsOrganization,
        ["approval_status"] = organization.ApprovalStatus,
        ["state"] = organization.State,
    };

    private static JsonObject DictizeGroupSummary(GroupRow group, string siteUrl) => new()
    {
        ["description"] = group.Description ?? "",
        ["display_name"] = GroupDictizer.DisplayName(group),
        ["id"] = group.Id,
        ["image_display_url"] = GroupDictizer.ImageDisplayUrl(group, siteUrl),
        ["name"] = group.Name,
        ["title"] = group.Title ?? "",
    };

    /// <summary>Builds a tag dictionary.</summary>
    public static JsonObject DictizeTag(TagRow tag) => new()
    {
        ["display_name"] = tag.Name,
        ["id"] = tag.Id,
        ["name"] = tag.Name,
        ["state"] = "active",
        ["vocabulary_id"] = tag.VocabularyId,
    };
}
