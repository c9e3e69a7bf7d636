using System.Text.Json.Nodes;
using Ckan.Core.Plugins;

namespace Ckan.Core.Views;

/// <summary>
/// Adds a view type, as CKAN's <c>IResourceView</c> does: a way of showing a resource on its page, drawn in
/// an iframe of its own. The portal stores the views, checks the settings against <see cref="ResourceViewInfo.Fields"/>
/// and gets the markup from the plugin.
/// </summary>
public interface IResourceViewPlugin : ICkanPlugin
{
    ResourceViewInfo Info { get; }

    /// <summary>Returns whether this view type can show the resource; decides which default views are created.</summary>
    bool CanView(JsonObject resource, JsonObject package);

    /// <summary>Returns the markup of one view. Called for every request of the view's page, from many threads.</summary>
    ResourceViewContent Render(ResourceViewPage page);
}
