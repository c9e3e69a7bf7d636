using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Model;
using Ckan.Core.Search;
using Xunit;

namespace Ckan.Core.Tests.Search;

public sealed class FacetDisplayTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Group_names_load_once_per_facet()
    {
        var catalog = new RecordingCatalog(
        [
            Group("org-a", "Organization A", isOrganization: true),
            Group("org-b", null, isOrganization: true),
            Group("group-a", "Group A", isOrganization: false),
        ]);
        var counts = new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["organization"] = [new("org-a", 5), new("org-b", 3), new("org-gone", 1)],
            ["groups"] = [new("group-a", 2), new("group-b", 1)],
        };

        var (_, searchFacets) = await BuildAsync(catalog, counts);

        Assert.Equal(["GetGroupsByNameAsync", "GetGroupsByNameAsync"], catalog.Calls.Where(IsLookup));
        Assert.Equal(["Organization A", "org-b", "org-gone"], DisplayNames(searchFacets["organization"]!));
        Assert.Equal(["Group A", "group-b"], DisplayNames(searchFacets["groups"]!));
    }

    [Fact]
    public async Task Licenses_show_titles_other_values_unchanged()
    {
        var catalog = new RecordingCatalog([]);
        var counts = new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["license_id"] = [new("odc-by", 4), new("my-own-licence", 1)],
            ["res_format"] = [new("CSV", 7)],
        };

        var (facets, searchFacets) = await BuildAsync(catalog, counts);

        Assert.DoesNotContain(catalog.Calls, IsLookup);
        Assert.Equal(["Open Data Commons Attribution License", "my-own-licence"], DisplayNames(searchFacets["license_id"]!));
        Assert.Equal(["CSV"], DisplayNames(searchFacets["res_format"]!));
        Assert.Equal(7, facets["res_format"]!["CSV"]!.GetValue<int>());
    }

    private static async Task<(JsonObject Facets, JsonObject SearchFacets)>
        BuildAsync(RecordingCatalog catalog, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> counts)
    {
        var config = CkanConfig.FromOptions(new Dictionary<string, string> { ["SECRET_KEY"] = "facet-test" });
        using var services = new CkanServices(config, catalog, new LazySearchIndex(
            () => throw new InvalidOperationException("Facet display does not search.")));
        return await FacetDisplay.BuildAsync(new ActionContext(services, user: null), counts, Token);
    }

    private static bool IsLookup(string call) => call.StartsWith("GetGroup", StringComparison.Ordinal);

    private static List<string> DisplayNames(JsonNode facet) =>
        facet["items"]!.AsArray().Select(item => item!["display_name"]!.GetValue<string>()).ToList();

    private static GroupRow Group(string name, string? title, bool isOrganization) => new()
    {
        Id = name + "-id",
        Name = name,
        Title = title,
        IsOrganization = isOrganization,
    };
}
