using System.Text.Json.Nodes;
using Ckan.Core.Views;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Dataset;

/// <summary>
/// One resource view on a page of its own, which the resource page shows in an iframe, as CKAN's
/// <c>/dataset/{id}/resource/{resource_id}/view/{view_id}</c> does. The view type's plugin writes the markup.
/// </summary>
public sealed class ResourceViewModel(ActionRunner actions) : PageModel
{
    public JsonObject View { get; private set; } = [];
    public ResourceViewContent ViewContent { get; private set; } = ResourceViewContent.Html("");

    public async Task<IActionResult> OnGetAsync(
        string id,
        string resourceId,
        string viewId,
        CancellationToken cancellationToken)
    {
        var view = await actions.RunObjectAsync("resource_view_show", new JsonObject { ["id"] = viewId }, cancellationToken);
        var plugin = ResourceViewTypes.Find(actions.Services.Plugins, view.Str("view_type"));
        var dataset = await DatasetLoader.ShowAsync(actions, id, cancellationToken);
        var resource = dataset?.List("resources")
            .FirstOrDefault(candidate => string.Equals(candidate.Str("id"), resourceId, StringComparison.Ordinal));
        if (plugin is null || dataset is null || resource is null
            || !string.Equals(view.Str("resource_id"), resourceId, StringComparison.Ordinal))
        {
            return NotFound();
        }

        View = view;
        ViewContent = plugin.Render(new ResourceViewPage(view, resource, dataset, actions.Services.Config));
        return Page();
    }
}
