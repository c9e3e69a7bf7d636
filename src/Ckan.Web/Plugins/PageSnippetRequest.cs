using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Plugins;

/// <summary>A place on a portal page where plugins may add HTML, as CKAN's templates offer blocks to extend.</summary>
/// <param name="Place">One of the <see cref="PageSnippetPlaces"/> names.</param>
/// <param name="HttpContext">The request being rendered, for its query string and path base.</param>
/// <param name="Dataset">The package_show dictionary on dataset pages; null elsewhere.</param>
public sealed record PageSnippetRequest(string Place, HttpContext HttpContext, JsonObject? Dataset);

/// <summary>The places of <see cref="PageSnippetRequest"/>.</summary>
public static class PageSnippetPlaces
{
    /// <summary>The top of the sidebar of a dataset's page.</summary>
    public const string DatasetSidebar = "dataset_sidebar";

    /// <summary>The top of the filter sidebar of the dataset search page.</summary>
    public const string SearchSidebar = "search_sidebar";
}
