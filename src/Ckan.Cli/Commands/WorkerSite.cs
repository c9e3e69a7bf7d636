using Ckan.Core.Actions;
using Ckan.DataStore;

namespace Ckan.Cli.Commands;

/// <summary>
/// The catalog and DataStore that a <c>ckan jobs worker</c> process opens for plugin jobs. Only a worker whose
/// plugins queue such jobs (<c>datapusher</c> with <c>datastore</c>) opens them, so a plain worker runs without a
/// catalog.
/// </summary>
public sealed class WorkerSite : IAsyncDisposable
{
    private WorkerSite(CkanServices? services, IDataStore? dataStore)
    {
        Services = services;
        DataStore = dataStore;
    }

    /// <summary>The catalog's services, or null when no enabled plugin runs jobs.</summary>
    public CkanServices? Services { get; }

    /// <summary>The DataStore with its actions registered, or null.</summary>
    public IDataStore? DataStore { get; }

    /// <summary>Opens what the enabled plugins' jobs need, upgrading the catalog schema first.</summary>
    public static async Task<WorkerSite> OpenAsync(CliRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var options = DataStoreOptions.FromConfig(runtime.Config);
        var plugins = runtime.Config.GetList("ckan.plugins");
        if (!options.IsEnabled || !plugins.Contains(DataPusher.DataPusherOptions.PluginName))
        {
            return new WorkerSite(null, null);
        }

        var services = await runtime.OpenCatalogAsync(cancellationToken);
        var dataStore = DataStoreFactory.Create(options);
        try
        {
            await dataStore.InitializeAsync(cancellationToken);
            DataStorePlugin.Register(services, dataStore, options);
        }
        catch
        {
            await dataStore.DisposeAsync();
            services.Dispose();
            throw;
        }

        return new WorkerSite(services, dataStore);
    }

    public async ValueTask DisposeAsync()
    {
        if (DataStore is not null)
        {
            await DataStore.DisposeAsync();
        }

        Services?.Dispose();
    }
}
