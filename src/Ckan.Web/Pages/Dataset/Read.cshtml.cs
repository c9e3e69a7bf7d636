using System.Text.Json.Nodes;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Dataset;

/// <summary>A dataset's page: description, resources, tags, organization and additional information.</summary>
public sealed class ReadModel(ActionRunner actions) : PageModel
{
    public JsonObject Dataset { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var dataset = await DatasetLoader.ShowAsync(actions, id, cancellationToken);
        if (dataset is null)
        {
            return NotFound();
        }

        Dataset = dataset;
        CanEdit = await actions.CanEditDatasetAsync(dataset, cancellationToken);
        return Page();
    }
}
