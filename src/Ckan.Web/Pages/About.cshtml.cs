using Ckan.Core.Actions;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages;

/// <summary>The about page: the site's own text (<c>ckan.site_about</c>) or a default description.</summary>
public sealed class AboutModel(CkanServices services) : PageModel
{
    public SiteSettings Site { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Site = await SiteSettings.LoadAsync(services, cancellationToken);
}
