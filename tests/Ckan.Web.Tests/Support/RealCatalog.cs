using System.Net;
using System.Text.Json.Nodes;

namespace Ckan.Web.Tests.Support;

/// <summary>
/// Reads the real dataset dictionaries beside the repository and creates their organizations and groups on a
/// test portal, as a migration with ckanapi would before loading the datasets.
/// </summary>
public static class RealCatalog
{
    /// <summary>Reads every <c>*.jsonl</c> file of the folder, one dataset per line, with its file name.</summary>
    public static List<(string Source, JsonObject Dataset)> ReadDatasets(string folder)
    {
        var datasets = new List<(string, JsonObject)>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            // Lines are split on \n only: descriptions contain U+2028 and other Unicode line breaks.
            foreach (var line in File.ReadAllText(file).Split('\n'))
            {
                if (line.Trim().Length > 0)
                {
                    datasets.Add((Path.GetFileName(file), JsonNode.Parse(line)!.AsObject()));
                }
            }
        }

        return datasets;
    }

    /// <summary>Creates the organizations the datasets belong to and those of the organization dumps.</summary>
    public static async Task CreateOrganizationsAsync(
        TestPortal portal,
        TestUser admin,
        string folder,
        IReadOnlyList<(string Source, JsonObject Dataset)> datasets,
        CancellationToken cancellationToken)
    {
        var organizations = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var dataset in datasets.Select(item => item.Dataset))
        {
            if (dataset["organization"] is JsonObject organization)
            {
                organizations.TryAdd(organization["id"]!.GetValue<string>(), organization);
            }
        }

        foreach (var file in new[] { "organizations.jsonl", "organizations-data.gov.uk-legacy.jsonl" })
        {
            foreach (var line in File.ReadAllText(Path.Combine(folder, file)).Split('\n'))
            {
                if (line.Trim().Length > 0 && JsonNode.Parse(line) is JsonObject organization)
                {
                    organizations.TryAdd(organization["id"]!.GetValue<string>(), organization);
                }
            }
        }

        foreach (var organization in organizations.Values)
        {
            var response = await portal.PostAsync("organization_create", organization, admin.Token, cancellationToken);
            Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        }
    }

    // Two portals have a group called "health"; one portal's group takes the name, and datasets of the
    // other keep only the groups that exist here, as CKAN silently drops unknown groups.
    public static async Task<IReadOnlySet<string>> CreateGroupsAsync(
        TestPortal portal,
        TestUser admin,
        IReadOnlyList<(string Source, JsonObject Dataset)> datasets,
        CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var dataset in datasets.Select(item => item.Dataset))
        {
            foreach (var group in (dataset["groups"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (group["id"] is not null)
                {
                    groups.TryAdd(group["name"]!.GetValue<string>(), group);
                }
            }
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups.Values)
        {
            var response = await portal.PostAsync("group_create", group, admin.Token, cancellationToken);
            Assert.True(response.Status == HttpStatusCode.OK, response.Text);
            created.Add(group["id"]!.GetValue<string>());
        }

        return created;
    }
}
