using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Config;
using Ckan.Core.Search;
using Ckan.DataPusher;
using Ckan.DataPusher.External;
using Ckan.DataStore;
using Ckan.Jobs;
using Ckan.Search.Lucene;
using Ckan.Storage;
using Ckan.Web.Api;
using Ckan.Web.Auth;
using Ckan.Web.Plugins;
using Ckan.Web.Uploads;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Web;

/// <summary>
/// Builds the portal's web application: Kestrel, the Action API, the web pages and the services behind them, for a
/// given configuration. Used by <c>ckan run</c>, the tests and the benchmarks.
/// </summary>
public static class CkanWebHost
{
    /// <summary>
    /// Creates the application listening on <paramref name="urls"/> (for example
    /// <c>http://127.0.0.1:5000</c>), upgrading the catalog schema first.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(
        CkanConfig config,
        string urls,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        config.Validate();
        var (store, migrator) = CatalogStoreFactory.Create(config);
        var applied = await migrator.UpgradeAsync(cancellationToken);
        var search = new LuceneSearchIndex(SearchIndexLocation.Resolve(config));
        var services = new CkanServices(config, store, search);
        var dataStoreOptions = DataStoreOptions.FromConfig(config);
        var dataStore = await StartDataStoreAsync(services, dataStoreOptions, cancellationToken);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // A failed start (port in use) is reported once by the caller, without the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);

        // The key ring of login cookies is stored unencrypted in the data folder, as secret.key is.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton<ICatalogStore>(store);
        builder.Services.AddSingleton(migrator);
        builder.Services.AddSingleton(services);
        builder.Services.AddSingleton<ISearchIndex>(search);
        builder.Services.AddSingleton<ApiTokenAuthenticator>();
        builder.Services.AddSingleton(dataStoreOptions);
        if (dataStore is not null)
        {
            // Registered through a factory so the container disposes it with the application.
            builder.Services.AddSingleton(_ => dataStore);
        }

        builder.AddWebUi(config);
        configure?.Invoke(builder);

        var app = builder.Build();
        if (dataStore is not null)
        {
            // Resolving it once makes the container own it, so stopping the application closes its connections.
            app.Services.GetRequiredService<IDataStore>();
            if (dataStore is Ckan.DataStore.Postgres.PostgresDataStore postgres)
            {
                postgres.Logger = app.Services.GetRequiredService<ILogger<Ckan.DataStore.Postgres.PostgresDataStore>>();
            }
        }

        app.UseExceptionHandler(errorApp => errorApp.Run(async http =>
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("Internal Server Error", http.RequestAborted);
        }));
        app.UseWebUi();
        app.MapActionApi();
        app.MapResourceDownloads();
        app.MapWebPlugins(services);
        if (dataStore is not null)
        {
            app.MapDataStoreDump();
        }

        app.Lifetime.ApplicationStopped.Register(services.Dispose);

        var logger = app.Services.GetRequiredService<ILogger<CkanServices>>();
        if (dataStore is not null && services.Plugins.Names.Contains(DataPusherOptions.PluginName)
            && ExternalDataPusherOptions.FromConfig(services.Config) is { } external)
        {
            var client = DataPusherServiceClient.CreateHttpClient(external);
            app.Lifetime.ApplicationStopped.Register(client.Dispose);
            ExternalDataPusherPlugin.Register(
                services,
                DataPusherOptions.FromConfig(services.Config),
                new DataPusherServiceClient(client, external),
                app.Services.GetRequiredService<ILogger<DataPusherActions>>());
        }
        else if (dataStore is not null && services.Plugins.Names.Contains(DataPusherOptions.PluginName))
        {
            // Loads run as jobs on the portal's queue: the in-server worker or `ckan jobs worker` takes them.
            var queue = JobQueueFactory.Create(services.Config);
            app.Lifetime.ApplicationStopped.Register(queue.Dispose);
            DataPusherPlugin.Register(
                services, queue, DataPusherOptions.FromConfig(services.Config), app.Services.GetRequiredService<ILogger<DataPusherActions>>());
        }

        if (applied.Count > 0)
        {
            Log.SchemaUpgraded(logger, string.Join(", ", applied));
        }

        if (services.Plugins.MissingFeatures.Count > 0)
        {
            Log.PluginsWithoutFeature(logger, string.Join(", ", services.Plugins.MissingFeatures));
        }

        await ReconcileSearchIndexAsync(services, logger, cancellationToken);

        // A day is far longer than any upload takes, so only files of requests that died are removed.
        services.ResourceFiles?.DeleteStaleStagingFiles(TimeSpan.FromDays(1));

        Log.Started(logger, config.SiteUrl, CatalogStoreFactory.RedactPassword(config.SqlAlchemyUrl ?? ""));
        return app;
    }

    // The DataStore is on when ckan.plugins lists "datastore", as in CKAN; its actions join the registry.
    private static async Task<IDataStore?> StartDataStoreAsync(
        CkanServices services,
        DataStoreOptions options,
        CancellationToken cancellationToken)
    {
        if (!options.IsEnabled)
        {
            return null;
        }

        var dataStore = DataStoreFactory.Create(options);
        await dataStore.InitializeAsync(cancellationToken);
        DataStorePlugin.Register(services, dataStore, options);
        return dataStore;
    }

    // The index is brought in line with the catalog before serving: after a crash that lost its last
    // changes, a deleted index folder or writes by another process, search is right without a manual rebuild.
    private static async Task ReconcileSearchIndexAsync(
        CkanServices services,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var report = await SearchIndexChecker.CheckAsync(services, cancellationToken);
        if (report.IsConsistent)
        {
            return;
        }

        Log.ReconcilingIndex(logger, report.Missing.Count, report.Stale.Count, report.Orphaned.Count);
        await SearchIndexChecker.RepairAsync(services, report, cancellationToken);
    }
}
