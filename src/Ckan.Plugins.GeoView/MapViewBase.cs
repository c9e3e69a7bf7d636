using System.Net;
using System.Text.Json.Nodes;
using Ckan.Core.Config;
using Ckan.Core.Plugins;
using Ckan.Core.Views;

namespace Ckan.Plugins.GeoView;

/// <summary>
/// The shared part of the geoview map views: which resources they accept and the Leaflet page they draw.
/// The browser fetches the data from the resource URL itself, so, as in ckanext-geoview without
/// <c>resource_proxy</c>, only resources on this portal's own domain are offered by default.
/// </summary>
public abstract class MapViewBase : IResourceViewPlugin, IConfigDeclarationsPlugin, IConfigurablePlugin
{
    /// <summary>The option with the base map's tile URL template; empty draws the data on a plain background.</summary>
    public const string BasemapUrlOption = "ckanext.geoview.basemap_url";

    /// <summary>The option with the attribution text shown for the base map.</summary>
    public const string BasemapAttributionOption = "ckanext.geoview.basemap_attribution";

    private string _basemapUrl = "";
    private string _basemapAttribution = "";
    private string _siteUrl = "";

    public abstract ResourceViewInfo Info { get; }

    public IReadOnlyList<ConfigDeclaration> ConfigDeclarations { get; } =
    [
        new(BasemapUrlOption, "", "Tile URL template of the map background, such as https://tile.example.org/{z}/{x}/{y}.png; empty for none."),
        new(BasemapAttributionOption, "", "Attribution text shown under the map background."),
    ];

    /// <summary>The formats the view accepts, in lower case.</summary>
    protected abstract IReadOnlyCollection<string> Formats { get; }

    /// <summary>Formats the browser can load from another domain (map images), so no same-domain rule applies.</summary>
    protected virtual IReadOnlyCollection<string> CrossDomainFormats => [];

    public virtual void Configure(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _basemapUrl = config.Get(BasemapUrlOption) ?? "";
        _basemapAttribution = config.Get(BasemapAttributionOption) ?? "";
        _siteUrl = config.Get("ckan.site_url") ?? "";
    }

    public bool CanView(JsonObject resource, JsonObject package)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var format = ResourceFormatGuess.Of(resource);
        if (!Formats.Contains(format))
        {
            return false;
        }

        var url = resource["url"]?.GetValue<string>() ?? "";
        return CrossDomainFormats.Contains(format) || IsSameDomain(url);
    }

    public ResourceViewContent Render(ResourceViewPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!ViewUrls.IsSafe(page.ResourceUrl))
        {
            return ResourceViewContent.Html("<p>This resource has no http or https address to map.</p>");
        }

        var body = $"""
            <div id="geoview-map" class="geoview-map"
                data-url="{Encode(page.ResourceUrl)}"
                data-format="{Encode(page.Format)}"
                data-view-type="{Encode(Info.Name)}"
                data-basemap-url="{Encode(_basemapUrl)}"
                data-basemap-attribution="{Encode(_basemapAttribution)}"></div>
            <p id="geoview-message" class="geoview-message" hidden></p>
            """;
        return new ResourceViewContent(
            body,
            ["/vendor/leaflet/leaflet.css", "/geoview/geoview.css"],
            ["/vendor/leaflet/leaflet.js", "/geoview/kml.js", "/geoview/geoview.js"]);
    }

    private bool IsSameDomain(string url)
    {
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var resource)
            && Uri.TryCreate(_siteUrl, UriKind.Absolute, out var site)
            && string.Equals(resource.Scheme, site.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(resource.Host, site.Host, StringComparison.OrdinalIgnoreCase)
            && resource.Port == site.Port;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
