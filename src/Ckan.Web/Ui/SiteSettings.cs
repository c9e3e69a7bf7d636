using Ckan.Core.Actions;

namespace Ckan.Web.Ui;

/// <summary>
/// The site texts and logo the pages show: the values saved on <c>/ckan-admin</c> (config_option_update),
/// else the ini file's, else the built-in defaults (empty text, the bundled logo).
/// </summary>
public sealed record SiteSettings(string Title, string Description, string IntroText, string About, string? LogoUrl)
{
    /// <summary>Reads the settings through the runtime config cache, so a page render rarely touches the catalog.</summary>
    public static async Task<SiteSettings> LoadAsync(CkanServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);

        var runtime = services.RuntimeConfig;
        var title = await runtime.GetStringAsync("ckan.site_title", services.Config.SiteTitle, cancellationToken);
        var description = await runtime.GetStringAsync("ckan.site_description", "", cancellationToken);
        var intro = await runtime.GetStringAsync("ckan.site_intro_text", "", cancellationToken);
        var about = await runtime.GetStringAsync("ckan.site_about", "", cancellationToken);
        var logo = await runtime.GetStringAsync("ckan.site_logo", "", cancellationToken);
        return new SiteSettings(title, description, intro, about, IsSafeLogoUrl(logo) ? logo : null);
    }

    /// <summary>Tells whether a logo address is an http(s) URL or a path on this site, the forms the admin page accepts.</summary>
    public static bool IsSafeLogoUrl(string url) =>
        WebLinks.IsWebUrl(url) || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));
}
