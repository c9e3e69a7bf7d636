using Ckan.Core.Config;
using Ckan.Core.Plugins;
using Ckan.Core.Views;

namespace Ckan.Plugins.GeoView;

/// <summary>
/// ckanext-geoview's <c>geo_view</c>: a map of GeoJSON, KML, WMS and WFS resources. The accepted formats can be
/// narrowed with <c>ckanext.geoview.ol_viewer.formats</c>; formats outside the built-in four are not drawn.
/// </summary>
[CkanPlugin("geo_view")]
public sealed class GeoViewPlugin : MapViewBase
{
    /// <summary>The option listing the formats geo_view accepts, space-separated.</summary>
    public const string FormatsOption = "ckanext.geoview.ol_viewer.formats";

    private static readonly string[] Supported = ["geojson", "gjson", "kml", "wms", "wfs"];

    private IReadOnlyCollection<string> _formats = Supported;

    public override ResourceViewInfo Info { get; } = new()
    {
        Name = "geo_view",
        Title = "Map viewer",
        DefaultTitle = "Map viewer",
        Fields = [ResourceViewField.Text("feature_hoveron"), ResourceViewField.Text("feature_style")],
    };

    protected override IReadOnlyCollection<string> Formats => _formats;

    protected override IReadOnlyCollection<string> CrossDomainFormats { get; } = ["wms"];

    public override void Configure(CkanConfig config)
    {
        base.Configure(config);
        var listed = config.GetList(FormatsOption).Select(format => format.ToLowerInvariant()).ToList();
        _formats = listed.Count == 0 ? Supported : listed.Intersect(Supported, StringComparer.Ordinal).ToList();
    }
}
