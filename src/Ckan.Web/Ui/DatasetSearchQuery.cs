using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Ui;

/// <summary>
/// The state of a dataset search page, read from and written to the URL as CKAN does:
/// <c>?q=rain&amp;tags=water&amp;organization=met-office&amp;sort=metadata_modified+desc&amp;page=2</c>.
/// Each facet field may appear several times, and a dataset must match every chosen value.
/// </summary>
public sealed class DatasetSearchQuery
{
    /// <summary>The facet fields of the search pages, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> FacetFields = ["organization", "groups", "tags", "res_format", "license_id"];

    /// <summary>The sort orders offered, as package_search's <c>sort</c> values; the first is the default.</summary>
    public static readonly IReadOnlyList<string> SortOrders =
    [
        "score desc, metadata_modified desc",
        "title_string asc",
        "title_string desc",
        "metadata_modified desc",
        "metadata_created desc",
    ];

    /// <summary>The datasets shown per page, CKAN's <c>ckan.datasets_per_page</c> default.</summary>
    public const int PageSize = 20;

    private DatasetSearchQuery(
        string text,
        string sort,
        int page,
        IReadOnlyList<KeyValuePair<string, string>> filters,
        IReadOnlyList<KeyValuePair<string, string>> extras)
    {
        Text = text;
        Sort = sort;
        Page = page;
        Filters = filters;
        Extras = extras;
    }

    /// <summary>The free-text query (<c>q</c>), empty for all datasets.</summary>
    public string Text { get; }

    /// <summary>The sort order, one of <see cref="SortOrders"/>.</summary>
    public string Sort { get; }

    /// <summary>The page number, from 1.</summary>
    public int Page { get; }

    /// <summary>The chosen facet values as (field, value) pairs, fields in the order they first appear in the URL.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Filters { get; }

    /// <summary>
    /// The <c>ext_*</c> parameters, such as ckanext-spatial's <c>ext_bbox</c>, passed to package_search for
    /// plugins as CKAN's search page passes them, and kept in every link of the page.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extras { get; }

    /// <summary>Reads the search state from a query string, ignoring unknown keys and invalid values.</summary>
    public static DatasetSearchQuery FromQuery(IQueryCollection query)
    {
        var sort = query["sort"].ToString();
        if (!SortOrders.Contains(sort, StringComparer.Ordinal))
        {
            sort = SortOrders[0];
        }

        var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number > 0
            ? number
            : 1;
        var filters = new List<KeyValuePair<string, string>>();
        foreach (var field in query.Keys.Where(key => FacetFields.Contains(key, StringComparer.Ordinal)))
        {
            foreach (var value in query[field])
            {
                if (!string.IsNullOrEmpty(value) && !filters.Contains(new(field, value)))
                {
                    filters.Add(new(field, value));
                }
            }
        }

        var extras = query.Keys
            .Where(key => key.StartsWith("ext_", StringComparison.Ordinal))
            .Select(key => KeyValuePair.Create(key, query[key].ToString()))
            .Where(extra => extra.Value.Length > 0)
            .ToList();
        return new DatasetSearchQuery(query["q"].ToString().Trim(), sort, page, filters, extras);
    }

    /// <summary>Tells whether the facet value is one of the chosen filters.</summary>
    public bool IsChosen(string field, string value) => Filters.Contains(new(field, value));

    /// <summary>Returns the query string with the facet value added (or removed when chosen), back on page 1.</summary>
    public string ToggleFilter(string field, string value)
    {
        var pair = new KeyValuePair<string, string>(field, value);
        var filters = IsChosen(field, value)
            ? Filters.Where(filter => !filter.Equals(pair)).ToList()
            : [.. Filters, pair];
        return new DatasetSearchQuery(Text, Sort, 1, filters, Extras).ToQueryString();
    }

    /// <summary>Returns the query string of another page of the same search.</summary>
    public string WithPage(int page) => new DatasetSearchQuery(Text, Sort, page, Filters, Extras).ToQueryString();

    /// <summary>Returns the query string for this state, leaving out default values.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Text.Length > 0)
        {
            parts.Add("q=" + Uri.EscapeDataString(Text));
        }

        parts.AddRange(Filters.Select(filter => filter.Key + "=" + Uri.EscapeDataString(filter.Value)));
        parts.AddRange(Extras.Select(extra => extra.Key + "=" + Uri.EscapeDataString(extra.Value)));
        if (!string.Equals(Sort, SortOrders[0], StringComparison.Ordinal))
        {
            parts.Add("sort=" + Uri.EscapeDataString(Sort));
        }

        if (Page > 1)
        {
            parts.Add("page=" + Page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>
    /// Runs package_search as the current user, with private datasets they may see included as on
    /// CKAN's search page. <paramref name="scope"/> is an extra filter the page always applies (an
    /// organization or group page), or null.
    /// </summary>
    public async Task<SearchView> RunAsync(
        ActionRunner actions,
        string basePath,
        KeyValuePair<string, string>? scope,
        CancellationToken cancellationToken)
    {
        var filters = new JsonArray();
        if (scope is { } fixedFilter)
        {
            filters.Add(FilterExpression(fixedFilter.Key, fixedFilter.Value));
        }

        foreach (var filter in Filters)
        {
            filters.Add(FilterExpression(filter.Key, filter.Value));
        }

        var facetFields = FacetFields.Where(field => scope is null || field != scope.Value.Key).ToList();
        var input = new JsonObject
        {
            ["q"] = Text,
            ["fq_list"] = filters,
            ["facet.field"] = new JsonArray(facetFields.Select(field => (JsonNode?)field).ToArray()),
            ["facet.limit"] = 10,
            ["sort"] = Sort,
            ["rows"] = PageSize,
            ["start"] = (Page - 1) * PageSize,
            ["include_private"] = true,
        };
        foreach (var (key, value) in Extras)
        {
            input[key] = value;
        }

        try
        {
            var result = await actions.RunObjectAsync("package_search", input, cancellationToken);
            return new SearchView(this, result, basePath, facetFields, HasQueryError: false);
        }
        catch (Exception error) when (error is SearchQueryException or SearchException)
        {
            return new SearchView(this, [], basePath, facetFields, HasQueryError: true);
        }
    }

    // A facet value is matched as one quoted term, so spaces and Solr syntax in it stay literal.
    private static string FilterExpression(string field, string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            if (character is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(character);
        }

        return field + ":" + quoted.Append('"');
    }
}
