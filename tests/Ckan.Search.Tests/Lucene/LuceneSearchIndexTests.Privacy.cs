using Ckan.Core.Search;
using static Ckan.Search.Tests.DatasetFacts;

namespace Ckan.Search.Tests.Lucene;

public sealed partial class LuceneSearchIndexTests
{
    private static readonly string[] SecretValues =
        ["secret-org", "secret-tag", "secret-group", "SECRETFMT", "secret-license", "yes", "private"];

    public static TheoryData<string, string> HiddenQueries => new()
    {
        { "*:*", "" },
        { "hiddenword", "" },
        { "title:hiddenword", "" },
        { "organization:secret-org", "" },
        { "tags:secret-tag", "" },
        { "groups:secret-group", "" },
        { "res_format:SECRETFMT", "" },
        { "license_id:secret-license", "" },
        { "extras_secret:yes", "" },
        { "secret:yes", "" },
        { "capacity:private", "" },
        { "id:00000000-0000-4000-8000-000000000000", "" },
        { "name:private-copy-0", "" },
        { "*:*", "capacity:private" },
        { "*:*", "organization:secret-org" },
        { "*:*", "metadata_modified:[2023-08-30T00:00:00Z TO *]" },
        { "-tags:nothing-has-this", "-organization:nothing" },
    };

    [Theory]
    [MemberData(nameof(HiddenQueries))]
    public async Task Private_datasets_hidden_without_label(string query, string filter)
    {
        var real = fixture.Require();
        var hidden = real.Private.Concat(real.Drafts).Select(Id).ToHashSet(StringComparer.Ordinal);

        var (result, ids) = await real.SearchAsync(new SearchRequest
        {
            Query = query,
            Filters = [filter],
            FacetFields =
            [
                "tags", "organization", "groups", "res_format", "license_id", "capacity", "extras_secret", "secret",
            ],
            FacetLimit = -1,
            FacetMinCount = 0,
            Sort = [("metadata_modified", true)],
            Rows = 100_000,
        });

        Assert.DoesNotContain(ids, hidden.Contains);
        Assert.Equal(ids.Count, result.Count);
        foreach (var (field, values) in result.Facets)
        {
            Assert.DoesNotContain(values, value => SecretValues.Contains(value.Value) && field != "capacity");
            Assert.DoesNotContain(values, value => field == "capacity" && value.Value == "private");
        }
    }

    [Fact]
    public async Task Private_datasets_leave_shared_counts_alone()
    {
        var real = fixture.Require();
        var sharedTag = Tags(real.Private[0]).First(tag => tag != "secret-tag");
        var expected = real.Public.Count(dataset => Tags(dataset).Contains(sharedTag));

        var result = await real.Index.SearchAsync(
            new SearchRequest { FacetFields = ["tags"], FacetLimit = -1, Rows = 0 },
            Token);

        Assert.Equal(expected, result.Facets["tags"].Single(value => value.Value == sharedTag).Count);
    }

    [Fact]
    public async Task Member_label_shows_private_datasets()
    {
        var real = fixture.Require();

        var (result, ids) = await real.SearchAsync(new SearchRequest
        {
            Query = "organization:secret-org",
            PermissionLabels = ["public", RealIndexFixture.PrivateLabel],
            FacetFields = ["capacity"],
            Rows = 1000,
        });

        Assert.Equal(real.Private.Select(Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal([new FacetCount("private", real.Private.Count)], result.Facets["capacity"]);
    }

    [Fact]
    public async Task Null_labels_show_every_dataset()
    {
        var real = fixture.Require();

        var (result, _) = await real.SearchAsync(new SearchRequest { PermissionLabels = null, Rows = 0 });

        Assert.Equal(real.Public.Count + real.Private.Count, result.Count);
    }

    [Fact]
    public async Task Empty_label_list_shows_nothing()
    {
        var real = fixture.Require();

        var (result, _) = await real.SearchAsync(new SearchRequest { PermissionLabels = [], FacetFields = ["tags"] });

        Assert.Equal(0, result.Count);
        Assert.Empty(result.Facets["tags"]);
    }

    [Fact]
    public async Task Drafts_need_both_the_state_and_the_label()
    {
        var real = fixture.Require();
        var drafts = real.Drafts.Select(Id).Order(StringComparer.Ordinal).ToList();
        var labels = new[] { "public", RealIndexFixture.DraftLabel };

        var (activeOnly, _) = await real.SearchAsync(
            new SearchRequest { Query = "state:draft", PermissionLabels = labels });
        var (withoutLabel, _) = await real.SearchAsync(
            new SearchRequest { Query = "state:draft", States = ["active", "draft"] });
        var (_, visible) = await real.SearchAsync(new SearchRequest
        {
            Query = "state:draft",
            States = ["active", "draft"],
            PermissionLabels = labels,
            Rows = 1000,
        });

        Assert.Equal(0, activeOnly.Count);
        Assert.Equal(0, withoutLabel.Count);
        Assert.Equal(drafts, visible.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_without_states_is_rejected()
    {
        var real = fixture.Require();

        await Assert.ThrowsAsync<ArgumentException>(
            () => real.Index.SearchAsync(new SearchRequest { States = [] }, Token));
    }
}
