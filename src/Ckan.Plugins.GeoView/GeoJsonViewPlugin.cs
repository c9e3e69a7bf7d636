using Ckan.Core.Plugins;
using Ckan.Core.Views;

namespace Ckan.Plugins.GeoView;

/// <summary>ckanext-geoview's <c>geojson_view</c>: a map of a GeoJSON resource (format <c>geojson</c> or <c>gjson</c>).</summary>
[CkanPlugin("geojson_view")]
public sealed class GeoJsonViewPlugin : MapViewBase
{
    public override ResourceViewInfo Info { get; } = new()
    {
        Name = "geojson_view",
        Title = "GeoJSON",
        DefaultTitle = "GeoJSON",
    };

    protected override IReadOnlyCollection<string> Formats { get; } = ["geojson", "gjson"];
}
