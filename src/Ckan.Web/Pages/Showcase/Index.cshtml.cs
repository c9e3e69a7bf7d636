using System.Text.Json.Nodes;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Showcase;

/// <summary>The list of showcases with a text search, as ckanext-showcase's <c>/showcase</c> page.</summary>
public sealed class IndexModel(ActionRunner actions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<JsonObject> Showcases { get; private set; } = [];
    public int Count { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ShowcasePages.IsEnabled(actions))
        {
            return NotFound();
        }

        var search = new JsonObject
        {
            ["q"] = Q ?? "",
            ["fq"] = "dataset_type:showcase",
            ["rows"] = 100,
            ["sort"] = string.IsNullOrWhiteSpace(Q) ? "metadata_created desc" : "score desc, metadata_modified desc",
        };
        var result = await actions.RunObjectAsync("package_search", search, cancellationToken);
        Showcases = result.List("results");
        Count = result["count"]?.GetValue<int>() ?? Showcases.Count;
        CanEdit = await ShowcasePages.CanEditAsync(actions, cancellationToken);
        return Page();
    }
}
