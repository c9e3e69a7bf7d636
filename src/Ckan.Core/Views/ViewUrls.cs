namespace Ckan.Core.Views;

/// <summary>Checks URLs that views place in pages, so that a view cannot carry a <c>javascript:</c> link.</summary>
public static class ViewUrls
{
    /// <summary>Returns whether the URL is absolute http or https, or a path on this site.</summary>
    public static bool IsSafe(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary>A view setting that must be an http or https URL or a path on this site.</summary>
    public static ResourceViewField Field(string name) =>
        new(name, value => IsSafe(value) ? null : "Please provide a valid URL");
}
