using System.Text.Json.Nodes;
using Ckan.Core.Search;
using static Ckan.Search.Tests.DatasetFacts;

namespace Ckan.Search.Tests.Lucene;

public sealed partial class LuceneSearchIndexTests
{
    private static readonly string[] CommonFacets = ["tags", "organization", "groups", "res_format", "license_id"];

    [Fact]
    public async Task Facets_count_datasets_per_value_over_all_matches()
    {
        var real = fixture.Require();

        var result = await real.Index.SearchAsync(
            new SearchRequest { FacetFields = CommonFacets, FacetLimit = -1, Rows = 0 },
            Token);

        Assert.Empty(result.Results);
        foreach (var field in CommonFacets)
        {
            Assert.Equal(ExpectedFacet(real.Public, field), result.Facets[field]);
        }
    }

    [Fact]
    public async Task Facets_count_only_datasets_matching_query_and_filters()
    {
        var real = fixture.Require();
        var matching = real.Public
            .Where(dataset => HasWord(dataset, "map", "maps", "mapping") && Formats(dataset).Contains("PDF"))
            .ToList();

        var result = await real.Index.SearchAsync(
            new SearchRequest
            {
                Query = "map",
                Filters = ["res_format:PDF"],
                FacetFields = CommonFacets,
                FacetLimit = -1,
            },
            Token);

        Assert.Equal(matching.Count, result.Count);
        foreach (var field in CommonFacets)
        {
            Assert.Equal(ExpectedFacet(matching, field), result.Facets[field]);
        }
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(0, 1)]
    [InlineData(50, 10)]
    [InlineData(-1, 20)]
    public async Task Facet_limit_and_minimum_count_cut_values(int limit, int minimumCount)
    {
        var real = fixture.Require();
        var all = ExpectedFacet(real.Public, "tags");
        var expected = all.Where(value => value.Count >= minimumCount).Take(limit < 0 ? int.MaxValue : limit).ToList();

        var result = await real.Index.SearchAsync(
            new SearchRequest { FacetFields = ["tags"], FacetLimit = limit, FacetMinCount = minimumCount, Rows = 0 },
            Token);

        Assert.Equal(expected, result.Facets["tags"]);
    }

    [Fact]
    public async Task Minimum_count_zero_adds_visible_values()
    {
        var real = fixture.Require();
        var matching = real.Public.Where(dataset => Organization(dataset) == "as-rchss-gis").ToList();
        var expected = ExpectedFacet(matching, "organization")
            .Concat(real.Public
                .Select(Organization)
                .OfType<string>()
                .Distinct()
                .Where(name => name != "as-rchss-gis")
                .Order(StringComparer.Ordinal)
                .Select(name => new FacetCount(name, 0)))
            .ToList();

        var result = await real.Index.SearchAsync(
            new SearchRequest
            {
                Filters = ["organization:as-rchss-gis"],
                FacetFields = ["organization"],
                FacetLimit = -1,
                FacetMinCount = 0,
                Rows = 0,
            },
            Token);

        Assert.Equal(expected, result.Facets["organization"]);
    }

    [Fact]
    public async Task Integer_and_extras_facets_count_values()
    {
        var real = fixture.Require();
        var extrasKey = real.Public
            .SelectMany(dataset => dataset["extras"] is JsonArray extras ? extras.OfType<JsonObject>() : [])
            .Select(extra => Text(extra, "key")!)
            .First(key => key == "root.declare");
        var expectedExtras = real.Public
            .SelectMany(dataset => (dataset["extras"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(extra => Text(extra, "key") == extrasKey)
                .Select(extra => Text(extra, "value")!)
                .Distinct())
            .GroupBy(value => value)
            .Select(group => new FacetCount(group.Key, group.Count()))
            .OrderByDescending(value => value.Count)
            .ThenBy(value => value.Value, StringComparer.Ordinal)
            .ToList();
        var expectedTags = real.Public
            .GroupBy(dataset => Integer(dataset, "num_tags")
                .ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(group => new FacetCount(group.Key, group.Count()))
            .OrderByDescending(value => value.Count)
            .ThenBy(value => value.Value, StringComparer.Ordinal)
            .ToList();

        var result = await real.Index.SearchAsync(
            new SearchRequest { FacetFields = ["extras_rootdeclare", "num_tags"], FacetLimit = -1, Rows = 0 },
            Token);

        Assert.NotEmpty(expectedExtras);
        Assert.Equal(expectedExtras, result.Facets["extras_rootdeclare"]);
        Assert.Equal(expectedTags, result.Facets["num_tags"]);
    }

    [Fact]
    public async Task Facet_on_field_without_values_is_empty()
    {
        var real = fixture.Require();

        var result = await real.Index.SearchAsync(
            new SearchRequest { FacetFields = ["no_such_field", "title"], Rows = 0 },
            Token);

        Assert.Empty(result.Facets["no_such_field"]);
        Assert.Empty(result.Facets["title"]);
    }

    [Fact]
    public async Task No_facet_fields_gives_no_facets()
    {
        var real = fixture.Require();

        var result = await real.Index.SearchAsync(new SearchRequest(), Token);

        Assert.Empty(result.Facets);
    }

    [Fact]
    public async Task Facet_counts_a_repeated_value_once_per_dataset()
    {
        using var folder = new TemporaryFolder();
        var dataset = DatasetFactory.Create(formats: ["CSV", "CSV", "JSON"]);
        using var index = await CreateIndexAsync(folder, DatasetFactory.Indexed(dataset));

        var result = await index.SearchAsync(new SearchRequest { FacetFields = ["res_format"] }, Token);

        Assert.Equal([new FacetCount("CSV", 1), new FacetCount("JSON", 1)], result.Facets["res_format"]);
    }

    /// <summary>Counts datasets per value of an exact field, highest count first, then by value.</summary>
    private static List<FacetCount> ExpectedFacet(IEnumerable<JsonObject> datasets, string field) => datasets
        .SelectMany(dataset => ExactValues(dataset, field).Distinct())
        .GroupBy(value => value, StringComparer.Ordinal)
        .Select(group => new FacetCount(group.Key, group.Count()))
        .OrderByDescending(value => value.Count)
        .ThenBy(value => value.Value, StringComparer.Ordinal)
        .ToList();
}
