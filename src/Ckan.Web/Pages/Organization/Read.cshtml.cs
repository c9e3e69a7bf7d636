using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Organization;

/// <summary>A organization's page: its description and a search among its datasets.</summary>
public sealed class ReadModel(ActionRunner actions) : PageModel
{
    public GroupReadView View { get; private set; } = null!;

    public async Task OnGetAsync(string id, CancellationToken cancellationToken) =>
        View = await GroupReadView.LoadAsync(
            actions, "organization", id, DatasetSearchQuery.FromQuery(Request.Query), cancellationToken);
}
