using Ckan.Core.Search;
using static Ckan.Search.Tests.DatasetFacts;

namespace Ckan.Search.Tests.Lucene;

public sealed partial class LuceneSearchIndexTests
{
    [Fact]
    public async Task Filters_are_all_required()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            Organization(dataset) == "as-rchss-gis"
            && Formats(dataset).Contains("SHP")
            && Integer(dataset, "num_resources") >= 3);

        var ids = await real.AllIdsAsync(
            "*:*",
            "+organization:as-rchss-gis",
            "res_format:SHP",
            "num_resources:[3 TO *]");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Filters_combine_with_query()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            HasWord(dataset, "map", "maps", "mapping") && Organization(dataset) == "as-rchss-gis");

        var ids = await real.AllIdsAsync("map", "organization:as-rchss-gis");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Filters_do_not_change_scores_or_order()
    {
        var real = fixture.Require();
        var filter = "res_format:PDF";
        var pdf = real.PublicIds(dataset => Formats(dataset).Contains("PDF")).ToHashSet(StringComparer.Ordinal);

        var (_, unfiltered) = await real.SearchAsync(new SearchRequest { Query = "map", Rows = 1000 });
        var (_, filtered) = await real.SearchAsync(
            new SearchRequest { Query = "map", Filters = [filter], Rows = 1000 });

        Assert.NotEmpty(filtered);
        Assert.Equal(unfiltered.Where(pdf.Contains), filtered);
    }

    [Fact]
    public async Task Filter_with_date_math_and_negation()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            Modified(dataset) >= new DateTime(2022, 9, 1, 0, 0, 0, DateTimeKind.Utc)
            && !Formats(dataset).Contains("PDF"));

        var ids = await real.AllIdsAsync("*:*", "metadata_modified:[NOW/DAY-1YEAR TO *] -res_format:PDF");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Blank_filters_are_ignored()
    {
        var real = fixture.Require();

        var ids = await real.AllIdsAsync("*:*", "", "  ");

        Assert.Equal(real.Public.Count, ids.Count);
    }

    [Fact]
    public async Task Filter_without_colon_uses_standard_syntax_on_text()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            HasWord(dataset, "council", "councils") && HasWord(dataset, "purchase", "purchases"));

        var ids = await real.AllIdsAsync("*:*", "council purchase");

        Assert.Equal(expected, ids);
    }
}
