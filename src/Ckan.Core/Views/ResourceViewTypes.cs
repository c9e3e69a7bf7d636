using Ckan.Core.Config;
using Ckan.Core.Plugins;

namespace Ckan.Core.Views;

/// <summary>Finds the enabled view types and the ones created by default on new resources.</summary>
public static class ResourceViewTypes
{
    /// <summary>The option listing the view types created on new resources.</summary>
    public const string DefaultViewsOption = "ckan.views.default_views";

    /// <summary>CKAN's value of <see cref="DefaultViewsOption"/> when the option is not set at all.</summary>
    public static readonly IReadOnlyList<string> CkanDefaultViews = ["image_view", "datatables_view"];

    /// <summary>Returns the enabled plugin of a view type, or null when no enabled plugin has that name.</summary>
    public static IResourceViewPlugin? Find(PluginSet plugins, string? viewType) =>
        viewType is null
            ? null
            : plugins.Of<IResourceViewPlugin>()
                .FirstOrDefault(plugin => string.Equals(plugin.Info.Name, viewType, StringComparison.Ordinal));

    /// <summary>
    /// Returns the enabled plugins of the default view types, in the listed order. As in CKAN, an empty
    /// option means no default views and an unset one means <see cref="CkanDefaultViews"/>; listed types
    /// whose plugin is not enabled are skipped.
    /// </summary>
    public static IReadOnlyList<IResourceViewPlugin> Defaults(PluginSet plugins, CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var names = config.Options.ContainsKey(DefaultViewsOption)
            ? config.GetList(DefaultViewsOption)
            : CkanDefaultViews;
        return names.Select(name => Find(plugins, name)).OfType<IResourceViewPlugin>().ToList();
    }
}
