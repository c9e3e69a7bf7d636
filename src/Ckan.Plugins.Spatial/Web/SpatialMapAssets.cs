using System.Text;
using System.Text.Encodings.Web;
using Ckan.Core.Config;
using Ckan.Web.Plugins;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Ckan.Plugins.Spatial.Web;

/// <summary>
/// The maps the spatial plugins add to pages: Leaflet 1.9.4, served by the portal from
/// <c>/vendor/leaflet/</c>, with this plugin's script and styles under <c>/spatial/assets/</c>.
/// </summary>
public static class SpatialMapAssets
{
    /// <summary>The option with the tile URL template, as ckanext-spatial's custom map type reads it.</summary>
    public const string TileUrlOption = "ckanext.spatial.common_map.custom_url";

    /// <summary>The option with the tiles' attribution HTML.</summary>
    public const string AttributionOption = "ckanext.spatial.common_map.attribution";

    /// <summary>The URL path of the plugin's own files.</summary>
    public const string RequestPath = "/spatial/assets";

    /// <summary>The folder of the plugin's own files, copied beside the plugin assembly.</summary>
    public static readonly IReadOnlyList<StaticFolder> StaticFolders =
        [new(RequestPath, Path.Combine(AppContext.BaseDirectory, "SpatialAssets"))];

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>Returns the map of a dataset's extent for the dataset page.</summary>
    public static IHtmlContent RenderDatasetMap(HttpContext httpContext, MapOptions options, string geoJson)
    {
        var html = new StringBuilder();
        html.Append("""<section class="panel spatial-map-panel" aria-labelledby="spatial-map-title">""")
            .Append("<h2 id=\"spatial-map-title\">").Append(Encoder.Encode(SpatialText.DatasetExtent)).Append("</h2>")
            .Append("<div class=\"spatial-map\" id=\"dataset-map\" role=\"img\" aria-label=\"")
            .Append(Encoder.Encode(SpatialText.DatasetExtentMap)).Append("\" ")
            .Append("data-spatial-extent=\"").Append(Encoder.Encode(geoJson)).Append("\" ");
        AppendTiles(html, options);
        html.Append("></div></section>");
        AppendScripts(html, httpContext);
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// Returns the search page's map: it shows the current <c>ext_bbox</c> and lets the user draw a new box,
    /// which reloads the page with <c>ext_bbox</c> and <c>ext_prev_extent</c> (the map's view) set.
    /// </summary>
    public static IHtmlContent RenderSearchMap(HttpContext httpContext, MapOptions options)
    {
        var query = httpContext.Request.Query;
        var html = new StringBuilder();
        html.Append("""<section class="panel spatial-query" aria-labelledby="spatial-query-title">""")
            .Append("""<div class="spatial-query-head"><h2 id="spatial-query-title">""")
            .Append(Encoder.Encode(SpatialText.FilterByLocation)).Append("</h2>");
        if (query.ContainsKey("ext_bbox"))
        {
            html.Append("<a class=\"spatial-clear\" href=\"").Append(Encoder.Encode(ClearUrl(httpContext)))
                .Append("\">").Append(Encoder.Encode(SpatialText.Clear)).Append("</a>");
        }

        html.Append("</div>")
            .Append("""<div class="spatial-map" id="spatial-query-map" data-spatial-query="" """)
            .Append("data-bbox=\"").Append(Encoder.Encode(query["ext_bbox"].ToString())).Append("\" ")
            .Append("data-prev-extent=\"").Append(Encoder.Encode(query["ext_prev_extent"].ToString())).Append("\" ");
        AppendTiles(html, options);
        html.Append("></div>")
            .Append("<p class=\"spatial-hint\">").Append(Encoder.Encode(SpatialText.DrawHint)).Append("</p>")
            .Append("""<button type="button" class="button secondary" id="spatial-draw">""")
            .Append(Encoder.Encode(SpatialText.DrawArea)).Append("</button>")
            .Append("</section>");
        AppendScripts(html, httpContext);
        return new HtmlString(html.ToString());
    }

    // The same search without the box and its map view, back on page 1.
    private static string ClearUrl(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var url = request.PathBase + request.Path;
        foreach (var (key, values) in request.Query)
        {
            if (key is "ext_bbox" or "ext_prev_extent" or "page")
            {
                continue;
            }

            foreach (var value in values)
            {
                url = QueryHelpers.AddQueryString(url, key, value ?? "");
            }
        }

        return url;
    }

    private static void AppendTiles(StringBuilder html, MapOptions options) =>
        html.Append("data-tile-url=\"").Append(Encoder.Encode(options.TileUrl)).Append("\" ")
            .Append("data-attribution=\"").Append(Encoder.Encode(options.Attribution)).Append('"');

    private static void AppendScripts(StringBuilder html, HttpContext httpContext)
    {
        var root = Encoder.Encode(httpContext.Request.PathBase.Value ?? "");
        html.Append("<link rel=\"stylesheet\" href=\"").Append(root).Append("/vendor/leaflet/leaflet.css\">")
            .Append("<link rel=\"stylesheet\" href=\"").Append(root).Append(RequestPath).Append("/spatial-map.css\">")
            .Append("<script src=\"").Append(root).Append("/vendor/leaflet/leaflet.js\"></script>")
            .Append("<script src=\"").Append(root).Append(RequestPath).Append("/spatial-map.js\"></script>");
    }

    /// <summary>The map's background tiles; an empty URL draws a graticule on a plain background.</summary>
    public sealed record MapOptions(string TileUrl, string Attribution)
    {
        /// <summary>Reads the options; without a configuration the maps use no tiles.</summary>
        public static MapOptions From(CkanConfig? config) => new(
            config?.Get(TileUrlOption) ?? "",
            config?.Get(AttributionOption) ?? "");
    }
}
