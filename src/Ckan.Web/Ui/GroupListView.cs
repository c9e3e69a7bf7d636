using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Ui;

/// <summary>
/// One page of the organization or group list, with its search text and sort order, read from the URL
/// (<c>?q=water&amp;sort=title+asc&amp;page=2</c>).
/// </summary>
public sealed record GroupListView(string Kind, string Text, string Sort, int Page, int Total, IReadOnlyList<JsonObject> Items)
{
    /// <summary>The organizations or groups shown per page, as on CKAN's list pages.</summary>
    public const int PageSize = 21;

    /// <summary>The sort orders offered, as the list actions' <c>sort</c> values; the first is the default.</summary>
    public static readonly IReadOnlyList<string> SortOrders = ["title asc", "title desc", "package_count desc"];

    /// <summary>The number of pages, at least 1.</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>
    /// Runs <c>organization_list</c> or <c>group_list</c> for the page the query string names.
    /// <paramref name="kind"/> is <c>organization</c> or <c>group</c>.
    /// </summary>
    public static async Task<GroupListView> LoadAsync(
        ActionRunner actions,
        string kind,
        IQueryCollection query,
        CancellationToken cancellationToken)
    {
        var text = query["q"].ToString().Trim();
        var sort = query["sort"].ToString();
        if (!SortOrders.Contains(sort, StringComparer.Ordinal))
        {
            sort = SortOrders[0];
        }

        var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number > 0
            ? number
            : 1;
        var names = await actions.RunListAsync(
            kind + "_list", new JsonObject { ["q"] = text, ["sort"] = sort }, cancellationToken);
        var items = await actions.RunListAsync(
            kind + "_list",
            new JsonObject
            {
                ["q"] = text,
                ["sort"] = sort,
                ["all_fields"] = true,
                ["limit"] = PageSize,
                ["offset"] = (page - 1) * PageSize,
            },
            cancellationToken);
        return new GroupListView(kind, text, sort, page, names.Count, items.OfType<JsonObject>().ToList());
    }

    /// <summary>Returns the query string of another page of the same list.</summary>
    public string WithPage(int page)
    {
        var parts = new List<string>();
        if (Text.Length > 0)
        {
            parts.Add("q=" + Uri.EscapeDataString(Text));
        }

        if (!string.Equals(Sort, SortOrders[0], StringComparison.Ordinal))
        {
            parts.Add("sort=" + Uri.EscapeDataString(Sort));
        }

        parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return "?" + string.Join('&', parts);
    }
}
