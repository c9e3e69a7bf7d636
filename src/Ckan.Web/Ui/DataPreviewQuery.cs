using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Ui;

/// <summary>
/// The state of a resource's data preview, kept in the page URL: the search text (<c>q</c>), the sort
/// column and direction (<c>sort</c>, <c>dir</c>) and the page number (<c>page</c>, from 1).
/// </summary>
public sealed record DataPreviewQuery
{
    /// <summary>The rows on one preview page.</summary>
    public const int PageSize = 20;

    // datastore_search pages with offset, so deep pages cost a scan; the preview stops here and points to the download.
    private const int MaxPage = 5000;

    public string Q { get; init; } = "";
    public string Sort { get; init; } = "";
    public bool IsDescending { get; init; }
    public int Page { get; init; } = 1;

    public int Offset => (Page - 1) * PageSize;

    /// <summary>Reads the state from the query string; unreadable values fall back to the defaults.</summary>
    public static DataPreviewQuery FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);

        var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? Math.Clamp(number, 1, MaxPage)
            : 1;
        return new DataPreviewQuery
        {
            Q = query["q"].ToString().Trim(),
            Sort = query["sort"].ToString(),
            IsDescending = string.Equals(query["dir"], "desc", StringComparison.Ordinal),
            Page = page,
        };
    }

    /// <summary>Tells whether a column name fits in CKAN's quoted sort form (no double quote, no comma).</summary>
    public static bool IsSortable(string column) => column.Length > 0 && !column.Contains('"') && !column.Contains(',');

    /// <summary>Returns datastore_search input for this page, sorted only by a column of <paramref name="columns"/>.</summary>
    public JsonObject ToActionInput(string resourceId, IReadOnlyCollection<string>? columns)
    {
        var input = new JsonObject
        {
            ["resource_id"] = resourceId,
            ["limit"] = PageSize,
            ["offset"] = Offset,
            ["records_format"] = "lists",
        };
        if (Q.Length > 0)
        {
            input["q"] = Q;
        }

        if (IsSortable(Sort) && (columns is null || columns.Contains(Sort)))
        {
            input["sort"] = "\"" + Sort + "\"" + (IsDescending ? " desc" : " asc");
        }

        return input;
    }

    /// <summary>Returns the query string of this state with the given changes, without a leading <c>?</c>.</summary>
    public string ToQueryString() => BuildQueryString(Q, Sort, IsDescending, Page);

    /// <summary>Returns the query string that sorts by <paramref name="column"/>, flipping the direction when it is the current sort.</summary>
    public string SortedBy(string column)
    {
        var descending = string.Equals(column, Sort, StringComparison.Ordinal) && !IsDescending;
        return BuildQueryString(Q, column, descending, 1);
    }

    /// <summary>Returns the query string of another page of the same search.</summary>
    public string AtPage(int page) => BuildQueryString(Q, Sort, IsDescending, page);

    private static string BuildQueryString(string q, string sort, bool descending, int page)
    {
        var parts = new StringBuilder();
        void Add(string key, string value)
        {
            parts.Append(parts.Length == 0 ? "" : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        if (q.Length > 0)
        {
            Add("q", q);
        }

        if (sort.Length > 0)
        {
            Add("sort", sort);
            Add("dir", descending ? "desc" : "asc");
        }

        if (page > 1)
        {
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.ToString();
    }
}
