using Ckan.Core.Actions;
using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher.External;

/// <summary>
/// The <c>datapusher</c> plugin when <c>ckan.datapusher.url</c> is set: the actions talk to the external
/// DataPusher service, which adds <c>datapusher_hook</c> for its callback, and resources are submitted
/// automatically as in the in-process mode.
/// </summary>
public static class ExternalDataPusherPlugin
{
    /// <summary>Registers the actions and the automatic submission; call after the DataStore plugin.</summary>
    public static void Register(
        CkanServices services,
        DataPusherOptions options,
        DataPusherServiceClient client,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        var actions = new ExternalDataPusherActions(client, options);
        services.Actions
            .Add("datapusher_submit", actions.SubmitAsync)
            .AddRead("datapusher_status", actions.StatusAsync)
            .Add("datapusher_hook", actions.HookAsync);
        DataPusherPlugin.AddAutomaticSubmission(services, options, actions.SubmitAsync, logger);
    }
}
