using Ckan.Core.Plugins;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Routing;

namespace Ckan.Web.Plugins;

/// <summary>Adds pages, endpoints and static files to the web application.</summary>
public interface IWebPlugin : ICkanPlugin
{
    /// <summary>Maps the plugin's endpoints; runs after the portal's own, in the order of <c>ckan.plugins</c>.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Folders served as static files, each under a URL path such as <c>/showcase/assets</c>.</summary>
    IReadOnlyList<StaticFolder> StaticFolders => [];

    /// <summary>
    /// Returns HTML to add at a place of a portal page (see <see cref="PageSnippetPlaces"/>), or null to add
    /// nothing. Values from the request or the dataset must be HTML-encoded by the plugin.
    /// </summary>
    IHtmlContent? RenderSnippet(PageSnippetRequest request) => null;
}

/// <summary>A folder of static files served under <paramref name="RequestPath"/>.</summary>
public sealed record StaticFolder(string RequestPath, string Folder);
