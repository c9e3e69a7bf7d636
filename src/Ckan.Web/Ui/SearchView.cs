using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>
/// One page of dataset search results with its facets, as the search partials render it for the
/// dataset, organization and group pages.
/// </summary>
/// <param name="Query">The search state from the URL.</param>
/// <param name="Result">package_search's result dictionary (empty after a query error).</param>
/// <param name="BasePath">The page's path without the locale prefix, such as <c>/dataset</c>.</param>
/// <param name="FacetFields">The facet fields to show.</param>
/// <param name="HasQueryError">Whether the query text was invalid Solr syntax.</param>
public sealed record SearchView(
    DatasetSearchQuery Query,
    JsonObject Result,
    string BasePath,
    IReadOnlyList<string> FacetFields,
    bool HasQueryError)
{
    /// <summary>The number of matching datasets.</summary>
    public long Count => Result.Number("count");

    /// <summary>The datasets of this page.</summary>
    public IReadOnlyList<JsonObject> Datasets => Result.List("results");

    /// <summary>The number of pages, at least 1.</summary>
    public int PageCount => (int)Math.Max(1, (Count + DatasetSearchQuery.PageSize - 1) / DatasetSearchQuery.PageSize);

    /// <summary>Returns a facet's items (name, display_name, count), most frequent first.</summary>
    public IReadOnlyList<JsonObject> FacetItems(string field) =>
        Result["search_facets"]?[field].List("items") ?? [];
}
