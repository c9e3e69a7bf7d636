using Ckan.Core.Plugins;
using Ckan.Core.Views;

namespace Ckan.Plugins.GeoView;

/// <summary>
/// ckanext-geoview's <c>wmts_view</c>: a map of the first layer of a WMTS service (format <c>wmts</c>), read
/// from its capabilities document. Only tile matrix sets in Web Mercator (EPSG:3857) are drawn.
/// </summary>
[CkanPlugin("wmts_view")]
public sealed class WmtsViewPlugin : MapViewBase
{
    public override ResourceViewInfo Info { get; } = new()
    {
        Name = "wmts_view",
        Title = "WMTS",
        DefaultTitle = "WMTS",
    };

    protected override IReadOnlyCollection<string> Formats { get; } = ["wmts"];
}
