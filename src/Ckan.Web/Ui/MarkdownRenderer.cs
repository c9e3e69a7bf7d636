using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Ckan.Web.Ui;

/// <summary>
/// Renders user-written Markdown (dataset notes, descriptions, profiles) to HTML that is safe to embed:
/// raw HTML in the source is escaped and the output passes an allow-list sanitizer, so neither scripts
/// nor <c>javascript:</c> links survive. Thread safe.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Returns the HTML of the Markdown text; empty content for null or blank text.</summary>
    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var html = Markdown.ToHtml(markdown, _pipeline);
        return new HtmlString(_sanitizer.Sanitize(html));
    }

    /// <summary>Returns the text of the Markdown's first paragraph without markup, cut to the length.</summary>
    public string Excerpt(string? markdown, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var text = Markdown.ToPlainText(markdown, _pipeline).Trim();
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        if (end > 0)
        {
            text = text[..end];
        }

        return text.Length <= maxLength ? text : text[..maxLength].TrimEnd() + "…";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");

        // Links in user text open other sites, so they must not hand them this page or its referrer.
        sanitizer.PostProcessNode += (_, args) =>
        {
            if (args.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
