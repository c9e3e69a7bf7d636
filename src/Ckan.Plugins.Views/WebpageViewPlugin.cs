using System.Net;
using System.Text.Json.Nodes;
using Ckan.Core.Plugins;
using Ckan.Core.Views;

namespace Ckan.Plugins.Views;

/// <summary>
/// CKAN's <c>webpage_view</c>: shows an HTML resource, or the page at the view's <c>page_url</c>, in an
/// iframe. HTML resources (format or URL extension <c>html</c> or <c>htm</c>) get it by default.
/// </summary>
[CkanPlugin("webpage_view")]
public sealed class WebpageViewPlugin : IResourceViewPlugin
{
    private static readonly string[] Formats = ["html", "htm"];

    public ResourceViewInfo Info { get; } = new()
    {
        Name = "webpage_view",
        Title = "Website",
        DefaultTitle = "Website",
        AlwaysAvailable = true,
        Fields = [ViewUrls.Field("page_url")],
    };

    public bool CanView(JsonObject resource, JsonObject package)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var format = resource["format"]?.GetValue<string>()?.ToLowerInvariant() ?? "";
        var extension = (resource["url"]?.GetValue<string>() ?? "").Split('.')[^1];
        return Formats.Contains(format, StringComparer.Ordinal) || Formats.Contains(extension, StringComparer.Ordinal);
    }

    public ResourceViewContent Render(ResourceViewPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var url = page.View["page_url"]?.GetValue<string>();
        if (string.IsNullOrEmpty(url))
        {
            url = page.ResourceUrl;
        }

        if (!ViewUrls.IsSafe(url))
        {
            return ResourceViewContent.Html("<p>This view has no http or https address to show.</p>");
        }

        return ResourceViewContent.Html(
            $"""<iframe class="resource-view-page" src="{WebUtility.HtmlEncode(url)}" title="{WebUtility.HtmlEncode(page.View["title"]?.GetValue<string>() ?? "")}"></iframe>""");
    }
}
