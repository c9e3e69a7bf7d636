using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Ckan.Web.Plugins;

/// <summary>Renders what the enabled web plugins add to a place of a page.</summary>
public static class PageSnippets
{
    /// <summary>Returns the plugins' HTML for <paramref name="place"/>, in <c>ckan.plugins</c> order.</summary>
    public static IHtmlContent PluginSnippets(this IHtmlHelper html, string place, JsonObject? dataset = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var httpContext = html.ViewContext.HttpContext;
        var plugins = httpContext.RequestServices.GetRequiredService<CkanServices>().Plugins;
        var request = new PageSnippetRequest(place, httpContext, dataset);
        var content = new HtmlContentBuilder();
        foreach (var plugin in plugins.Of<IWebPlugin>())
        {
            if (plugin.RenderSnippet(request) is { } snippet)
            {
                content.AppendHtml(snippet);
            }
        }

        return content;
    }
}
