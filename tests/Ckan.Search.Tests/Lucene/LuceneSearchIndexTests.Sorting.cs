using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Search;
using static Ckan.Search.Tests.DatasetFacts;

namespace Ckan.Search.Tests.Lucene;

public sealed partial class LuceneSearchIndexTests
{
    public static TheoryData<string, bool> SortCases => new()
    {
        { "metadata_modified", true },
        { "metadata_modified", false },
        { "metadata_created", true },
        { "metadata_created", false },
        { "name", false },
        { "name", true },
        { "title_string", false },
        { "title_string", true },
        { "num_resources", true },
        { "num_resources", false },
        { "num_tags", true },
        { "num_tags", false },
    };

    [Theory]
    [MemberData(nameof(SortCases))]
    public async Task Sort_orders_by_field_then_id(string field, bool descending)
    {
        var real = fixture.Require();
        var expected = real.Public
            .Order(Comparer<JsonObject>.Create((left, right) =>
            {
                var byField = CompareSortKeys(left, right, field);
                if (byField == 0)
                {
                    return string.CompareOrdinal(Id(left), Id(right));
                }

                return descending ? -byField : byField;
            }))
            .Select(Id)
            .ToList();

        var (_, ids) = await real.SearchAsync(new SearchRequest { Sort = [(field, descending)], Rows = 100_000 });

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Default_sort_is_newest_first()
    {
        var real = fixture.Require();
        var expected = real.Public
            .OrderByDescending(dataset => TruncateToMilliseconds(Modified(dataset)))
            .ThenBy(Id, StringComparer.Ordinal)
            .Select(Id)
            .Take(50)
            .ToList();

        var (_, ids) = await real.SearchAsync(new SearchRequest { Rows = 50 });

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Sort_by_score_puts_better_matches_first()
    {
        using var folder = new TemporaryFolder();
        var inTitle = DatasetFactory.Create(title: "Rainfall", notes: "Monthly figures.");
        var inNotes = DatasetFactory.Create(title: "Weather", notes: "Includes rainfall among many other measures.");
        using var index = await CreateIndexAsync(
            folder,
            DatasetFactory.Indexed(inNotes),
            DatasetFactory.Indexed(inTitle));

        var descending = await index.SearchAsync(
            new SearchRequest { Query = "rainfall", Sort = [("score", true)] },
            Token);
        var ascending = await index.SearchAsync(
            new SearchRequest { Query = "rainfall", Sort = [("score", false)] },
            Token);

        Assert.Equal([Id(inTitle), Id(inNotes)], descending.Results.Select(DatasetFactory.IdOf));
        Assert.Equal([Id(inNotes), Id(inTitle)], ascending.Results.Select(DatasetFactory.IdOf));
    }

    [Fact]
    public async Task Missing_title_sorts_last_in_both_directions()
    {
        using var folder = new TemporaryFolder();
        var untitled = DatasetFactory.Create(title: "");
        var apple = DatasetFactory.Create(title: "Apple");
        var banana = DatasetFactory.Create(title: "Banana");
        using var index = await CreateIndexAsync(
            folder,
            DatasetFactory.Indexed(untitled),
            DatasetFactory.Indexed(banana),
            DatasetFactory.Indexed(apple));

        var ascending = await index.SearchAsync(new SearchRequest { Sort = [("title_string", false)] }, Token);
        var descending = await index.SearchAsync(new SearchRequest { Sort = [("title_string", true)] }, Token);

        Assert.Equal([Id(apple), Id(banana), Id(untitled)], ascending.Results.Select(DatasetFactory.IdOf));
        Assert.Equal([Id(banana), Id(apple), Id(untitled)], descending.Results.Select(DatasetFactory.IdOf));
    }

    [Fact]
    public async Task Unknown_sort_field_raises_search_query_error()
    {
        var real = fixture.Require();

        var error = await Assert.ThrowsAsync<SearchQueryException>(() => real.Index.SearchAsync(
            new SearchRequest { Sort = [("notes", false)] },
            Token));

        Assert.Contains("notes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_concatenate_to_the_full_ordered_list()
    {
        var real = fixture.Require();
        var sort = new[] { ("num_resources", true) };
        var (_, all) = await real.SearchAsync(new SearchRequest { Sort = sort, Rows = 100_000 });

        var paged = new List<string>();
        for (var start = 0; start < all.Count; start += 97)
        {
            var (page, ids) = await real.SearchAsync(new SearchRequest { Sort = sort, Start = start, Rows = 97 });
            Assert.Equal(all.Count, page.Count);
            paged.AddRange(ids);
        }

        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Start_past_the_end_returns_count_without_results()
    {
        var real = fixture.Require();

        var (result, ids) = await real.SearchAsync(new SearchRequest { Start = 1_000_000, Rows = 10 });

        Assert.Equal(real.Public.Count, result.Count);
        Assert.Empty(ids);
    }

    [Fact]
    public async Task Zero_rows_returns_count_and_facets_only()
    {
        var real = fixture.Require();

        var (result, ids) = await real.SearchAsync(new SearchRequest { Rows = 0, FacetFields = ["res_format"] });

        Assert.Equal(real.Public.Count, result.Count);
        Assert.Empty(ids);
        Assert.NotEmpty(result.Facets["res_format"]);
    }

    [Fact]
    public async Task Default_rows_is_ten()
    {
        var real = fixture.Require();

        var (_, ids) = await real.SearchAsync(new SearchRequest());

        Assert.Equal(10, ids.Count);
    }

    private static int CompareSortKeys(JsonObject left, JsonObject right, string field) => field switch
    {
        "metadata_modified" => TruncateToMilliseconds(Modified(left))
            .CompareTo(TruncateToMilliseconds(Modified(right))),
        "metadata_created" => TruncateToMilliseconds(Created(left))
            .CompareTo(TruncateToMilliseconds(Created(right))),
        "num_resources" or "num_tags" => Integer(left, field).CompareTo(Integer(right, field)),
        "name" => CompareUtf8(Text(left, "name"), Text(right, "name")),
        "title_string" => CompareUtf8(Text(left, "title"), Text(right, "title")),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No expected order for this field."),
    };
}
