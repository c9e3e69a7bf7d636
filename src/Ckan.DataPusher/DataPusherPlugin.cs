using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Jobs;
using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher;

/// <summary>
/// The <c>datapusher</c> plugin: adds datapusher_submit and datapusher_status, and, as CKAN does, submits a
/// resource whose format is in <c>ckan.datapusher.formats</c> when it is created or its file or URL changes.
/// </summary>
public static class DataPusherPlugin
{
    /// <summary>Registers the actions and the automatic submission; call after the DataStore plugin.</summary>
    public static void Register(CkanServices services, IJobQueue queue, DataPusherOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        var actions = new DataPusherActions(queue, options);
        var registry = services.Actions;
        registry
            .Add("datapusher_submit", actions.SubmitAsync)
            .AddRead("datapusher_status", actions.StatusAsync);

        AddAutomaticSubmission(services, options, actions.SubmitAsync, logger);
    }

    /// <summary>
    /// Wraps resource_create and resource_update so that a pushable resource is submitted with
    /// <paramref name="submit"/> when it is created or its file or URL changes.
    /// </summary>
    internal static void AddAutomaticSubmission(
        CkanServices services,
        DataPusherOptions options,
        Func<CkanServices, string, CancellationToken, Task<bool>> submit,
        ILogger logger)
    {
        var registry = services.Actions;
        foreach (var name in new[] { "resource_create", "resource_update" })
        {
            var inner = registry.Find(name)!.Handler;
            registry.Add(name, async (context, data, cancellationToken) =>
            {
                var before = name == "resource_update" ? await UrlOfAsync(context, data, cancellationToken) : null;
                var result = await inner(context, data, cancellationToken);
                var resource = result.ToNode() as JsonObject;
                var changed = name == "resource_create" || context.Upload is not null
                    || !string.Equals(before, resource?["url"]?.ToString(), StringComparison.Ordinal);
                if (resource is not null && changed && IsPushable(resource, options))
                {
                    await SubmitQuietlyAsync(submit, services, resource["id"]!.ToString(), logger, cancellationToken);
                }

                return result;
            });
        }
    }

    /// <summary>Whether the resource's format is one the DataPusher loads and the resource is not its own output.</summary>
    public static bool IsPushable(JsonObject resource, DataPusherOptions options) =>
        resource["url_type"]?.ToString() != "datapusher"
        && options.Formats.Contains((resource["format"]?.ToString() ?? "").ToLowerInvariant());

    private static async Task<string?> UrlOfAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken)
    {
        if (data["id"]?.ToString() is not { Length: > 0 } id)
        {
            return null;
        }

        try
        {
            var show = context.Services.Actions.Find("resource_show")!.Handler;
            var result = await show(context.WithoutAuth(), new JsonObject { ["id"] = id }, cancellationToken);
            return (result.ToNode() as JsonObject)?["url"]?.ToString();
        }
        catch (Core.Errors.NotFoundException)
        {
            return null;
        }
    }

    // As in CKAN, a failed submission is logged and the resource save still succeeds.
    private static async Task SubmitQuietlyAsync(
        Func<CkanServices, string, CancellationToken, Task<bool>> submit,
        CkanServices services,
        string resourceId,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            await submit(services, resourceId, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            DataPusherLog.SubmitFailed(logger, resourceId, error.Message);
        }
    }
}
