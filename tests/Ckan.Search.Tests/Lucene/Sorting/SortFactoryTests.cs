using Ckan.Core.Errors;
using Ckan.Search.Lucene.Sorting;
using Lucene.Net.Search;

namespace Ckan.Search.Tests.Lucene.Sorting;

public sealed class SortFactoryTests
{
    private readonly SortFactory _factory = new(new NumericSortValues());

    [Fact]
    public void Empty_sort_is_ckan_default()
    {
        var fields = _factory.Create([]).GetSort();

        Assert.Equal(
            [(SortFieldType.SCORE, false), (SortFieldType.CUSTOM, true), (SortFieldType.STRING, false)],
            fields.Select(field => (field.Type, field.IsReverse)));
        Assert.Equal(["__sort_metadata_modified", "__sort_id"], fields.Skip(1).Select(field => field.Field));
    }

    [Theory]
    [InlineData("metadata_created", "CUSTOM")]
    [InlineData("num_resources", "CUSTOM")]
    [InlineData("num_tags", "CUSTOM")]
    [InlineData("name", "STRING")]
    [InlineData("title_string", "STRING")]
    public void Sortable_field_uses_its_sort_key(string field, string type)
    {
        var first = _factory.Create([(field, true)]).GetSort()[0];

        Assert.Equal("__sort_" + field, first.Field);
        Assert.Equal(Enum.Parse<SortFieldType>(type), first.Type);
        Assert.True(first.IsReverse);
    }

    [Fact]
    public void Score_ascending_reverses_lucene_order()
    {
        var first = _factory.Create([("score", false)]).GetSort()[0];

        Assert.True(first.IsReverse);
    }

    [Theory]
    [InlineData("notes")]
    [InlineData("title")]
    [InlineData("views_recent")]
    public void Unsortable_field_raises_search_query_error(string field)
    {
        var error = Assert.Throws<SearchQueryException>(() => _factory.Create([(field, false)]));

        Assert.Contains("Invalid \"sort\" parameter", error.Detail, StringComparison.Ordinal);
        Assert.Contains(field, error.Detail, StringComparison.Ordinal);
    }
}
