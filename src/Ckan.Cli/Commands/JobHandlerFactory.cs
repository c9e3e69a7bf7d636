using Ckan.Core.Actions;
using Ckan.DataPusher;
using Ckan.DataStore;
using Ckan.Jobs;
using Microsoft.Extensions.Logging;

namespace Ckan.Cli.Commands;

/// <summary>
/// Builds the job handlers from the enabled plugins, the same way for the worker inside <c>ckan run</c> and
/// for a separate <c>ckan jobs worker</c> process, so either can run any job the portal queues.
/// </summary>
public static class JobHandlerFactory
{
    /// <summary>
    /// Returns the test job's handler and, when <paramref name="dataStore"/> is given and <c>datapusher</c> is
    /// in <c>ckan.plugins</c>, the handler of DataPusher loads, which reports progress to <paramref name="queue"/>.
    /// </summary>
    public static JobHandlerRegistry Create(
        CkanServices? services,
        IDataStore? dataStore,
        IJobQueue queue,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(loggers);

        var handlers = new JobHandlerRegistry()
            .Add(TestJob.Kind, TestJob.Handler(loggers.CreateLogger("Ckan.Jobs.TestJob")));
        if (services is not null && dataStore is not null && IsDataPusherEnabled(services))
        {
            var job = new PushToDataStoreJob(
                services,
                dataStore,
                queue,
                DataPusherOptions.FromConfig(services.Config),
                loggers.CreateLogger<PushToDataStoreJob>());
            handlers.Add(PushToDataStoreJob.Kind, job.RunAsync);
        }

        return handlers;
    }

    /// <summary>Whether <c>ckan.plugins</c> turns the DataPusher on.</summary>
    public static bool IsDataPusherEnabled(CkanServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Plugins.Names.Contains(DataPusherOptions.PluginName);
    }
}
