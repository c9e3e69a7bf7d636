using Ckan.Core.Actions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages;

/// <summary>The about page: the site's own text (<c>ckan.site_about</c>) or a default description.</summary>
public sealed class AboutModel(CkanServices services) : PageModel
{
    public string SiteTitle => services.Config.SiteTitle;
    public string? SiteAbout => services.Config.Get("ckan.site_about");
    public string SiteDescription => services.Config.SiteDescription;
}
