using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>The fields of the <c>/ckan-admin</c> form, each one runtime-editable config option.</summary>
public sealed class SiteConfigForm
{
    /// <summary>The config options the form shows, in its order.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "ckan.site_title", "ckan.site_description", "ckan.site_intro_text", "ckan.site_about", "ckan.site_logo",
    ];

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string IntroText { get; set; } = "";
    public string About { get; set; } = "";
    public string LogoUrl { get; set; } = "";

    /// <summary>Fills the form from config_option_show values by key; a missing key leaves its field empty.</summary>
    public static SiteConfigForm FromValues(IReadOnlyDictionary<string, string> values) => new()
    {
        Title = values.GetValueOrDefault("ckan.site_title", ""),
        Description = values.GetValueOrDefault("ckan.site_description", ""),
        IntroText = values.GetValueOrDefault("ckan.site_intro_text", ""),
        About = values.GetValueOrDefault("ckan.site_about", ""),
        LogoUrl = values.GetValueOrDefault("ckan.site_logo", ""),
    };

    /// <summary>Returns the config_option_update input: every field, trimmed except the Markdown texts.</summary>
    public JsonObject ToActionInput() => new()
    {
        ["ckan.site_title"] = Title.Trim(),
        ["ckan.site_description"] = Description.Trim(),
        ["ckan.site_intro_text"] = IntroText,
        ["ckan.site_about"] = About,
        ["ckan.site_logo"] = LogoUrl.Trim(),
    };
}
