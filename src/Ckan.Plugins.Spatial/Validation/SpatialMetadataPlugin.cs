using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Errors;
using Ckan.Core.Plugins;
using Ckan.Plugins.Spatial.Geometry;
using Ckan.Plugins.Spatial.Web;
using Ckan.Web.Plugins;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Routing;

namespace Ckan.Plugins.Spatial.Validation;

/// <summary>
/// ckanext-spatial's spatial_metadata: rejects a dataset whose <c>spatial</c> extra is not a GeoJSON
/// geometry, with CKAN's validation error on <c>spatial</c>, and shows the extent on a map on the dataset page.
/// </summary>
[CkanPlugin("spatial_metadata")]
public sealed class SpatialMetadataPlugin : IActionsPlugin, IConfigurablePlugin, IWebPlugin
{
    private static readonly string[] CheckedActions = ["package_create", "package_update", "package_patch"];

    private SpatialMapAssets.MapOptions _mapOptions = SpatialMapAssets.MapOptions.From(null);

    public IReadOnlyList<StaticFolder> StaticFolders => SpatialMapAssets.StaticFolders;

    public void Configure(CkanConfig config) => _mapOptions = SpatialMapAssets.MapOptions.From(config);

    /// <summary>Wraps the dataset create and update actions with the check of <c>spatial</c>.</summary>
    public void RegisterActions(ActionRegistry actions)
    {
        foreach (var name in CheckedActions)
        {
            if (actions.Find(name) is not { } action)
            {
                continue;
            }

            var handler = action.Handler;
            actions.Add(name, (context, data, cancellationToken) =>
            {
                Check(data);
                return handler(context, data, cancellationToken);
            });
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>Adds the map of the extent to the page of a dataset with a valid <c>spatial</c> value.</summary>
    public IHtmlContent? RenderSnippet(PageSnippetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Place != PageSnippetPlaces.DatasetSidebar
            || request.Dataset is null
            || SpatialExtraReader.Read(request.Dataset) is not { } text
            || SpatialValue.Parse(text).Geometry is null)
        {
            return null;
        }

        return SpatialMapAssets.RenderDatasetMap(request.HttpContext, _mapOptions, text);
    }

    /// <summary>Raises the validation error ckanext-spatial raises when <c>spatial</c> is set but invalid.</summary>
    public static void Check(JsonObject data)
    {
        if (SpatialExtraReader.Read(data) is not { } text)
        {
            return;
        }

        if (SpatialValue.Parse(text).Error is { } error)
        {
            throw ValidationException.ForField(SpatialValue.Key, error);
        }
    }
}
