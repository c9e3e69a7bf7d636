using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Dataset;

/// <summary>The dataset search page: text query, facets, sort and paging, all kept in the URL.</summary>
public sealed class SearchModel(ActionRunner actions) : PageModel
{
    public SearchView Search { get; private set; } = null!;

    public bool CanAddDataset => actions.User is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = DatasetSearchQuery.FromQuery(Request.Query);
        Search = await query.RunAsync(actions, "/dataset", scope: null, cancellationToken);
    }
}
