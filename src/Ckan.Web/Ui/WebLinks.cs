namespace Ckan.Web.Ui;

/// <summary>Checks addresses written by users before the pages put them in a link or an image.</summary>
public static class WebLinks
{
    /// <summary>
    /// Tells whether the text is an absolute http or https address. Other schemes, such as
    /// <c>javascript:</c> or <c>data:</c>, would run or embed content when clicked, so they are shown as text.
    /// </summary>
    public static bool IsWebUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
