using Ckan.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Ckan.Web.UiTests.Ui;

public sealed class DataPreviewQueryTests
{
    [Fact]
    public void Reads_search_sort_and_page()
    {
        var query = Parse("?q=saint+paul&sort=Date+added&dir=desc&page=3");

        Assert.Equal("saint paul", query.Q);
        Assert.Equal("Date added", query.Sort);
        Assert.True(query.IsDescending);
        Assert.Equal(3, query.Page);
        Assert.Equal(40, query.Offset);
    }

    [Fact]
    public void Invalid_page_falls_back_to_first()
    {
        Assert.Equal(1, Parse("?page=-4").Page);
        Assert.Equal(1, Parse("?page=abc").Page);
        Assert.Equal(5000, Parse("?page=999999").Page);
    }

    [Fact]
    public void Action_input_quotes_sort_column()
    {
        var input = Parse("?sort=Date+added&dir=desc&q=3M").ToActionInput("res-1", ["Symbol", "Date added"]);

        Assert.Equal("\"Date added\" desc", input["sort"]!.GetValue<string>());
        Assert.Equal("3M", input["q"]!.GetValue<string>());
        Assert.Equal("res-1", input["resource_id"]!.GetValue<string>());
        Assert.Equal(DataPreviewQuery.PageSize, input["limit"]!.GetValue<int>());
        Assert.Equal("lists", input["records_format"]!.GetValue<string>());
    }

    [Fact]
    public void Action_input_drops_unknown_or_unquotable_sort()
    {
        var unknown = Parse("?sort=nope").ToActionInput("res-1", ["Symbol"]);
        var quoted = Parse("?sort=a%22b").ToActionInput("res-1", null);

        Assert.False(unknown.ContainsKey("sort"));
        Assert.False(quoted.ContainsKey("sort"));
    }

    [Fact]
    public void Sorting_same_column_flips_direction_and_resets_page()
    {
        var query = Parse("?q=x&sort=Symbol&dir=asc&page=4");

        Assert.Equal("q=x&sort=Symbol&dir=desc", query.SortedBy("Symbol"));
        Assert.Equal("q=x&sort=Security&dir=asc", query.SortedBy("Security"));
        Assert.Equal("q=x&sort=Symbol&dir=asc&page=5", query.AtPage(5));
        Assert.Equal("q=x&sort=Symbol&dir=asc", query.AtPage(1));
    }

    private static DataPreviewQuery Parse(string queryString) =>
        DataPreviewQuery.FromQuery(new QueryCollection(QueryHelpers.ParseQuery(queryString)));
}
