using System.Net;
using System.Text.Json.Nodes;
using Ckan.Core.Config;
using Ckan.Core.Plugins;
using Ckan.Core.Views;

namespace Ckan.Plugins.Views;

/// <summary>
/// CKAN's <c>image_view</c>: shows an image resource, or the image at the view's <c>image_url</c>, in an
/// <c>img</c> element. Resources whose format is in <c>ckan.preview.image_formats</c> get it by default.
/// </summary>
[CkanPlugin("image_view")]
public sealed class ImageViewPlugin : IResourceViewPlugin, IConfigDeclarationsPlugin, IConfigurablePlugin
{
    private const string FormatsOption = "ckan.preview.image_formats";

    private IReadOnlyList<string> _formats = ["png", "jpeg", "jpg", "gif"];

    public ResourceViewInfo Info { get; } = new()
    {
        Name = "image_view",
        Title = "Image",
        DefaultTitle = "Image",
        AlwaysAvailable = true,
        Fields = [ViewUrls.Field("image_url")],
    };

    public IReadOnlyList<ConfigDeclaration> ConfigDeclarations { get; } =
    [
        new(FormatsOption, "png jpeg jpg gif", "Resource formats that get an image view by default, space-separated."),
    ];

    public void Configure(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _formats = config.GetList(FormatsOption).Select(format => format.ToLowerInvariant()).ToList();
    }

    // As in CKAN, only the resource's stated format counts here, not the URL's extension.
    public bool CanView(JsonObject resource, JsonObject package)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var format = resource["format"]?.GetValue<string>()?.ToLowerInvariant() ?? "";
        return _formats.Contains(format, StringComparer.Ordinal);
    }

    public ResourceViewContent Render(ResourceViewPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var url = page.View["image_url"]?.GetValue<string>();
        if (string.IsNullOrEmpty(url))
        {
            url = page.ResourceUrl;
        }

        if (!ViewUrls.IsSafe(url))
        {
            return ResourceViewContent.Html("<p>This view has no http or https address to show.</p>");
        }

        var alt = page.Resource["name"]?.GetValue<string>() ?? "";
        return ResourceViewContent.Html(
            $"""<img class="resource-view-image" src="{WebUtility.HtmlEncode(url)}" alt="{WebUtility.HtmlEncode(alt)}">""");
    }
}
