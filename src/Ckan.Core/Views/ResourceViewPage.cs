using System.Text.Json.Nodes;
using Ckan.Core.Config;

namespace Ckan.Core.Views;

/// <summary>What a view type needs to draw one view: the view, its resource and dataset, and the config.</summary>
/// <param name="View">The view dictionary, as resource_view_show returns it.</param>
/// <param name="Resource">The resource dictionary, as resource_show returns it.</param>
/// <param name="Package">The dataset dictionary, as package_show returns it.</param>
/// <param name="Config">The portal's configuration, with plugin defaults applied.</param>
public sealed record ResourceViewPage(JsonObject View, JsonObject Resource, JsonObject Package, CkanConfig Config)
{
    /// <summary>The resource's URL: an upload's download address on this portal, or the link as stored.</summary>
    public string ResourceUrl => Resource["url"]?.GetValue<string>() ?? "";

    /// <summary>The lower-case format of the resource, or the URL's extension when the format is empty.</summary>
    public string Format => ResourceFormatGuess.Of(Resource);
}

/// <summary>The HTML of a view, placed in its own page, with the style sheets and scripts it loads.</summary>
/// <param name="BodyHtml">Markup for the page's body; values from users must be HTML-encoded.</param>
/// <param name="Stylesheets">Site-relative URLs of style sheets, such as <c>/vendor/leaflet/leaflet.css</c>.</param>
/// <param name="Scripts">Site-relative URLs of scripts, run in order after the body.</param>
public sealed record ResourceViewContent(
    string BodyHtml,
    IReadOnlyList<string> Stylesheets,
    IReadOnlyList<string> Scripts)
{
    public static ResourceViewContent Html(string bodyHtml) => new(bodyHtml, [], []);
}
