namespace Ckan.Core.Plugins;

/// <summary>
/// Names of plugins that ship with CKAN itself and appear in nearly every <c>ckan.plugins</c> line. Where this
/// portal has no plugin class of that name, the name is accepted so existing config files keep working: the
/// feature is either built in (env-var config) or missing, which the start-up log then reports.
/// </summary>
internal static class CorePluginNames
{
    /// <summary>The accepted names, each with whether this portal provides the feature without a plugin class.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Accepted = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        // Environment variables always apply here, whether or not envvars is listed.
        ["envvars"] = true,

        // The web host turns the built-in DataStore and DataPusher on when these names are listed.
        ["datastore"] = true,
        ["datapusher"] = true,
        ["activity"] = false,
        ["image_view"] = false,
        ["text_view"] = false,
        ["datatables_view"] = false,
        ["webpage_view"] = false,
        ["recline_view"] = false,
        ["resource_proxy"] = false,
        ["stats"] = false,
    };
}
