using System.Text.Json.Nodes;
using Ckan.Core.Catalog;
using Ckan.Core.Config;
using Ckan.Core.Licenses;
using Ckan.Core.Plugins;
using Ckan.Core.Search;
using Ckan.Core.Security;
using Ckan.Core.Uploads;

namespace Ckan.Core.Actions;

/// <summary>
/// The long-lived parts every action uses: configuration, catalog, search index, licenses, token codec
/// and the cache of serialized datasets. One instance per running portal; thread safe.
/// </summary>
public sealed class CkanServices : IDisposable
{
    /// <summary>Creates the services, making the plugins listed in <c>ckan.plugins</c>.</summary>
    /// <exception cref="ConfigException">A listed plugin is unknown.</exception>
    public CkanServices(CkanConfig config, ICatalogStore store, ISearchIndex search)
    {
        (Plugins, Config) = PluginSet.Load(config);
        Store = store;
        Search = search;
        Licenses = LicenseRegister.CreateDefault();
        Tokens = new ApiTokenCodec(Config.JwtEncodeSecret, Config.JwtDecodeSecret, Config.JwtAlgorithm);
        PackageCache = new PackageShowCache(store);
        Actions = ActionRegistry.CreateCore().WithPlugins(Plugins);
        ResourceFiles = ResourceFileStore.FromConfig(Config);
        RuntimeConfig = new RuntimeConfig(Config, store);
    }

    /// <summary>The enabled plugins, in the order of <c>ckan.plugins</c>.</summary>
    public PluginSet Plugins { get; }

    public CkanConfig Config { get; }
    public ICatalogStore Store { get; }

    /// <summary>The dataset search index; package_search reads it and every dataset write updates it.</summary>
    public ISearchIndex Search { get; }
    public LicenseRegister Licenses { get; }
    public ApiTokenCodec Tokens { get; }
    public PackageShowCache PackageCache { get; }
    public ActionRegistry Actions { get; }

    /// <summary>The uploaded resource files, or null when <c>ckan.storage_path</c> is unset.</summary>
    public ResourceFileStore? ResourceFiles { get; }

    /// <summary>The config options saved with config_option_update, read over the ini file's.</summary>
    public RuntimeConfig RuntimeConfig { get; }

    /// <summary>The plugin names reported by status_show.</summary>
    public IReadOnlyList<string> PluginNames => Plugins.Names;

    /// <summary>
    /// Runs an action as CKAN's site user does, with authorization checks skipped, and returns its result.
    /// </summary>
    /// <exception cref="InvalidOperationException">No action is registered under the name.</exception>
    public async Task<JsonNode?> CallAsSiteAsync(string action, JsonObject data, CancellationToken cancellationToken)
    {
        var definition = Actions.Find(action)
            ?? throw new InvalidOperationException($"The action {action} is not registered.");
        var result = await definition.Handler(new ActionContext(this, null, ignoreAuth: true), data, cancellationToken);
        return result.ToNode();
    }

    /// <summary>Closes the search index (committing what it holds) and the catalog store.</summary>
    public void Dispose()
    {
        Search.Dispose();
        (Store as IDisposable)?.Dispose();
    }
}
