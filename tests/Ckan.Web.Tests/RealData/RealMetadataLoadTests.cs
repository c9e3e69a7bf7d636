using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.RealData;

/// <summary>
/// Loads every real dataset dictionary published by five CKAN portals through the HTTP API, as a migration
/// with ckanapi would, and checks that package_show gives back what the publisher wrote.
/// </summary>
public sealed class RealMetadataLoadTests
{
    // Datasets that CKAN 2.11 itself rejects with its default schema, with the field it reports. The
    // source portals ran older versions or custom schemas that accepted them.
    private static readonly Dictionary<string, string> RejectedByCkan = new(StringComparer.Ordinal)
    {
        // "%" is outside the name alphabet.
        ["taiwanzhixiashiyijixian%28shi%29xingzhengquyujiexian-103909"] = "name",
        ["taiwanzhixiashiyijixian%28shi%29xingzhengquyujiexian-102906"] = "name",
        ["taiwanzhixiashiyijixian%28shi%29xingzhengquyujiexian-103749"] = "name",
        // Tags "犬" and "貓" are one character long; CKAN's minimum is two.
        ["a13b3"] = "tags",
        // HDX's first record uses tags of a vocabulary this portal does not have; its second record is a
        // prepared update whose lists were serialized to strings.
        ["unesco-data-for-zimbabwe"] = "tags|resources",
    };

    [Fact]
    public async Task Loads_every_real_dataset_and_returns_user_fields_unchanged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = SharedData.RealDataFolder();
        await using var portal = await TestPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.auth.create_unowned_dataset"] = "true" },
            cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var datasets = RealCatalog.ReadDatasets(Path.Combine(folder, "datasets"));
        await RealCatalog.CreateOrganizationsAsync(portal, admin, folder, datasets, cancellationToken);
        var groupIds = await RealCatalog.CreateGroupsAsync(portal, admin, datasets, cancellationToken);

        var loaded = 0;
        var rejected = new List<string>();
        foreach (var (source, dataset) in datasets)
        {
            var name = dataset["name"]!.GetValue<string>();
            var response = await portal.PostAsync("package_create", dataset, admin.Token, cancellationToken);
            if (RejectedByCkan.TryGetValue(name, out var fields) && response.Status == HttpStatusCode.Conflict)
            {
                Assert.Contains(fields.Split('|'), field => response.Error.ContainsKey(field));
                rejected.Add(name);
                continue;
            }

            Assert.True(response.Status == HttpStatusCode.OK, $"{source} {name}: {response.Text}");
            var shown = await portal.GetAsync("/api/3/action/package_show?id=" + Uri.EscapeDataString(name),
                cancellationToken: cancellationToken);
            Assert.Equal(HttpStatusCode.OK, shown.Status);
            MetadataComparer.AssertSameUserFields(dataset, shown.Result!.AsObject(), groupIds, $"{source} {name}");
            loaded++;
        }

        Assert.Equal(datasets.Count - rejected.Count, loaded);
        Assert.True(loaded > 1300, $"only {loaded} datasets loaded");
        Assert.Equal(6, rejected.Count);
        var list = await portal.GetAsync("/api/3/action/package_list", cancellationToken: cancellationToken);
        Assert.Equal(loaded, list.Result!.AsArray().Count);
    }
}
