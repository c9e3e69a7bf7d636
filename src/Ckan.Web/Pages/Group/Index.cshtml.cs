using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.Group;

/// <summary>The list of groups, with search, sort and paging.</summary>
public sealed class IndexModel(ActionRunner actions) : PageModel
{
    public GroupListView List { get; private set; } = null!;

    public bool CanCreate => actions.User is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        List = await GroupListView.LoadAsync(actions, "group", Request.Query, cancellationToken);
}
