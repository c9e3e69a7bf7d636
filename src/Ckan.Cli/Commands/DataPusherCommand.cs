using System.CommandLine;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.DataPusher;
using Ckan.Jobs;

namespace Ckan.Cli.Commands;

/// <summary>
/// <c>ckan datapusher submit [DATASET]</c>: queues DataStore loads of the tabular resources of one dataset, or
/// of every dataset, for the worker of <c>ckan run</c> or a <c>ckan jobs worker</c> process to run.
/// </summary>
public static class DataPusherCommand
{
    public static Command Build(CommandIo io)
    {
        var command = new Command("datapusher", "Load tabular resources into the DataStore.");
        command.Subcommands.Add(Submit(io));
        return command;
    }

    private static Command Submit(CommandIo io)
    {
        var dataset = new Argument<string?>("DATASET")
        {
            Description = "The dataset (id or name) whose resources to load; every dataset when omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("submit", "Queue loads of resources whose format is in ckan.datapusher.formats.")
        {
            dataset,
        };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var runtime = CliRuntime.Load(parseResult);
            if (!runtime.Config.GetList("ckan.plugins").Contains(DataPusherOptions.PluginName))
            {
                throw new CommandFailedException("The datapusher plugin is not in ckan.plugins, so no worker would run the loads.");
            }

            using var services = await runtime.OpenCatalogAsync(cancellationToken);
            using var queue = JobQueueFactory.Create(services.Config);
            using var submission = new DataPusherSubmission(services, queue);
            var names = parseResult.GetValue(dataset) is { } one
                ? [one]
                : (await SiteActions.CallAsync(services, "package_list", [], cancellationToken))!.AsArray()
                    .Select(name => name!.GetValue<string>()).ToList();
            var queued = 0;
            foreach (var name in names)
            {
                var package = await SiteActions.CallAsync(services, "package_show", new JsonObject { ["id"] = name }, cancellationToken);
                foreach (var resource in package!["resources"]!.AsArray().OfType<JsonObject>())
                {
                    if (DataPusherPlugin.IsPushable(resource, submission.Options)
                        && await submission.SubmitAsync(services, resource["id"]!.GetValue<string>(), cancellationToken))
                    {
                        queued++;
                        await io.Output.WriteLineAsync($"Queued resource {resource["id"]} of dataset {name}");
                    }
                }
            }

            await io.Output.WriteLineAsync($"Queued {queued} resource(s)");
            return 0;
        }));
        return command;
    }
}
