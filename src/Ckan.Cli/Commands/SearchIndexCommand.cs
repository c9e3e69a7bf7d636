using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Search;

namespace Ckan.Cli.Commands;

/// <summary>
/// <c>ckan search-index</c>: rebuilds, checks, shows and clears the dataset search index.
/// </summary>
public static class SearchIndexCommand
{
    /// <summary>Builds the command with its rebuild, check, show and clear subcommands.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("search-index", "Manage the dataset search index.");
        command.Subcommands.Add(Rebuild(io));
        command.Subcommands.Add(Check(io));
        command.Subcommands.Add(Show(io));
        command.Subcommands.Add(Clear(io));
        return command;
    }

    private static Command Rebuild(CommandIo io)
    {
        var force = new Option<bool>("--force", "-i")
        {
            Description = "Keep going past datasets that fail to index, and list them at the end.",
        };
        var onlyMissing = new Option<bool>("--only-missing", "-o") { Description = "Index only datasets not in the index." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print no progress." };
        var clear = new Option<bool>("--clear", "-c") { Description = "Empty the index before rebuilding." };
        var refresh = new Option<bool>("--refresh", "-r")
        {
            Description = "Reindex without emptying the index first (what rebuild does unless -c is given).",
        };
        var dataset = new Argument<string?>("DATASET")
        {
            Description = "Reindex only this dataset (id or name).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("rebuild", "Index every dataset of the catalog again.")
        {
            force, onlyMissing, quiet, clear, refresh, dataset,
        };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);
            if (parseResult.GetValue(dataset) is { } one)
            {
                if (!await SearchIndexRebuilder.RebuildOneAsync(services, one, cancellationToken))
                {
                    await io.Error.WriteLineAsync($"Error: dataset \"{one}\" not found.");
                    return 1;
                }

                await io.Output.WriteLineAsync($"Indexed {one}");
                return 0;
            }

            var progress = parseResult.GetValue(quiet) ? null : new ProgressBar(io.Error);
            var failures = new List<string>();
            var started = DateTime.UtcNow;
            var count = await SearchIndexRebuilder.RebuildAsync(
                services,
                new RebuildOptions
                {
                    OnlyMissing = parseResult.GetValue(onlyMissing),
                    ClearFirst = parseResult.GetValue(clear),
                    ContinueOnError = parseResult.GetValue(force),
                    OnFailure = failure => failures.Add(failure),
                },
                progress,
                cancellationToken);
            progress?.Finish();

            var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
            await io.Output.WriteLineAsync($"Indexed {count} datasets in {seconds:F1} s ({count / seconds:F0} per second)");
            foreach (var failure in failures)
            {
                await io.Error.WriteLineAsync("Failed: " + failure);
            }

            return failures.Count == 0 ? 0 : 1;
        }));
        return command;
    }

    private static Command Check(CommandIo io)
    {
        var command = new Command("check", "List datasets missing from the index or indexed from an older version.");
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);
            var report = await SearchIndexChecker.CheckAsync(services, cancellationToken);
            foreach (var id in report.Missing)
            {
                await io.Output.WriteLineAsync("Not indexed: " + id);
            }

            foreach (var id in report.Stale)
            {
                await io.Output.WriteLineAsync("Out of date: " + id);
            }

            foreach (var id in report.Orphaned)
            {
                await io.Output.WriteLineAsync("Not in the catalog: " + id);
            }

            await io.Output.WriteLineAsync(
                $"{report.Missing.Count} not indexed, {report.Stale.Count} out of date, {report.Orphaned.Count} orphaned");
            return report.IsConsistent ? 0 : 1;
        }));
        return command;
    }

    private static Command Show(CommandIo io)
    {
        var dataset = new Argument<string>("DATASET") { Description = "The dataset id or name." };
        var command = new Command("show", "Print a dataset as the index stores it.") { dataset };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);
            var id = await ResolveIdAsync(services, parseResult.GetValue(dataset)!, cancellationToken);
            var stored = id is null ? null : await services.Search.GetStoredAsync(id, cancellationToken);
            if (stored is null)
            {
                await io.Error.WriteLineAsync($"Error: dataset \"{parseResult.GetValue(dataset)}\" is not in the index.");
                return 1;
            }

            var indented = JsonNode.Parse(stored)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            await io.Output.WriteLineAsync(indented);
            return 0;
        }));
        return command;
    }

    private static Command Clear(CommandIo io)
    {
        var dataset = new Argument<string?>("DATASET")
        {
            Description = "Remove only this dataset (id or name) from the index.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("clear", "Remove every dataset, or one, from the index.") { dataset };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);
            if (parseResult.GetValue(dataset) is { } one)
            {
                var id = await ResolveIdAsync(services, one, cancellationToken) ?? one;
                await services.Search.DeleteAsync([id], cancellationToken);
                await io.Output.WriteLineAsync($"Removed {one} from the index");
                return 0;
            }

            await services.Search.ClearAsync(cancellationToken);
            await io.Output.WriteLineAsync("Cleared the search index");
            return 0;
        }));
        return command;
    }

    private static async Task<string?> ResolveIdAsync(
        Core.Actions.CkanServices services,
        string idOrName,
        CancellationToken cancellationToken)
    {
        await using var session = await services.Store.OpenSessionAsync(write: false, cancellationToken);
        return (await session.GetPackageAsync(idOrName, cancellationToken))?.Id;
    }
}
