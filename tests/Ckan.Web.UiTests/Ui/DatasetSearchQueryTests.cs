using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Ckan.Web.UiTests.Ui;

public sealed class DatasetSearchQueryTests
{
    [Fact]
    public void Reads_repeated_facets_sort_and_page()
    {
        var query = Parse("?q=rain&tags=water&tags=weather&organization=met&sort=title_string+asc&page=3");

        Assert.Equal("rain", query.Text);
        Assert.Equal("title_string asc", query.Sort);
        Assert.Equal(3, query.Page);
        Assert.Equal(
            [new("tags", "water"), new("tags", "weather"), new("organization", "met")],
            query.Filters);
    }

    [Fact]
    public void Ignores_unknown_sort_and_invalid_page()
    {
        var query = Parse("?sort=drop+table&page=-2&unknown=1");

        Assert.Equal(DatasetSearchQuery.SortOrders[0], query.Sort);
        Assert.Equal(1, query.Page);
        Assert.Empty(query.Filters);
    }

    [Fact]
    public void Toggled_facet_returns_to_first_page()
    {
        var query = Parse("?q=rain&tags=water&page=4");

        Assert.Equal("?q=rain&tags=water&res_format=CSV", query.ToggleFilter("res_format", "CSV"));
        Assert.Equal("?q=rain", query.ToggleFilter("tags", "water"));
    }

    [Fact]
    public void Query_string_escapes_values()
    {
        var query = Parse("?q=a%26b&tags=x%20y");

        Assert.Equal("?q=a%26b&tags=x%20y&page=2", query.WithPage(2));
    }

    private static DatasetSearchQuery Parse(string queryString) =>
        DatasetSearchQuery.FromQuery(new QueryCollection(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)
                .ToDictionary(pair => pair.Key, pair => (StringValues)pair.Value)));
}
