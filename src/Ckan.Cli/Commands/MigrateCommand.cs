using System.CommandLine;
using Ckan.Core.Actions;
using Ckan.DataPusher;
using Ckan.DataStore;
using Ckan.Jobs;
using Ckan.Migration;
using Ckan.Migration.Source;

namespace Ckan.Cli.Commands;

/// <summary>
/// <c>ckan migrate --source URL</c>: copies users, organizations, groups, datasets and uploaded files from a
/// live CKAN portal through its API into this one. Safe to run again: it resumes and copies only changes. With the
/// datastore and datapusher plugins on, it queues DataStore loads of the copied tabular resources.
/// </summary>
public static class MigrateCommand
{
    private const long DefaultMaxFileMegabytes = 10_240;

    public static Command Build(CommandIo io)
    {
        var source = new Option<string>("--source", "-s")
        {
            Description = "Site URL of the portal to copy from, such as https://data.example.org.",
            Required = true,
        };
        var token = new Option<string?>("--api-token", "-t")
        {
            Description = "API token of a sysadmin on the source, to copy users, private datasets and drafts.",
        };
        var statePath = new Option<string?>("--state")
        {
            Description = "File recording what was copied, for resuming; defaults to a file under "
                + "ckan.storage_path named after the source.",
        };
        var maxFileSize = new Option<long>("--max-file-size")
        {
            Description = "Largest uploaded file to copy, in megabytes.",
            DefaultValueFactory = _ => DefaultMaxFileMegabytes,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print no progress." };
        var command = new Command("migrate", "Copy the catalog and uploaded files of another CKAN portal into this one.")
        {
            source, token, statePath, maxFileSize, quiet,
        };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            if (!Uri.TryCreate(parseResult.GetValue(source), UriKind.Absolute, out var sourceUrl)
                || (sourceUrl.Scheme != Uri.UriSchemeHttp && sourceUrl.Scheme != Uri.UriSchemeHttps))
            {
                throw new CommandFailedException("--source must be an http or https URL.");
            }

            var runtime = CliRuntime.Load(parseResult);
            using var services = await runtime.OpenCatalogAsync(cancellationToken);
            using var portal = new SourcePortal(sourceUrl, parseResult.GetValue(token));
            var options = new MigrationOptions(
                parseResult.GetValue(statePath) ?? DefaultStatePath(runtime, sourceUrl),
                parseResult.GetValue(maxFileSize) * 1024 * 1024);

            var progress = parseResult.GetValue(quiet) ? null : new MigrationProgressPrinter(io.Error);
            using var queue = DataStoreOptions.FromConfig(runtime.Config).IsEnabled && JobHandlerFactory.IsDataPusherEnabled(services)
                ? JobQueueFactory.Create(runtime.Config)
                : null;
            using var submission = queue is null ? null : new DataPusherSubmission(services, queue);
            ResourceLoadSubmitter? submitLoad = submission is null ? null : async (resource, ct) =>
                DataPusherPlugin.IsPushable(resource, submission.Options)
                && await submission.SubmitAsync(services, resource["id"]!.GetValue<string>(), ct);
            MigrationReport report;
            try
            {
                report = await new PortalMigration(services, portal, options, submitLoad).RunAsync(progress, cancellationToken);
            }
            catch (SourceCallException error)
            {
                throw new CommandFailedException("The source portal rejected a request: " + error.Message, error);
            }
            catch (HttpRequestException error)
            {
                throw new CommandFailedException($"Cannot reach {sourceUrl}: {error.Message}", error);
            }
            finally
            {
                progress?.Finish();
            }

            await PrintAsync(io, report);
            return report.Failures.Count == 0 ? 0 : 1;
        }));
        return command;
    }

    private static string DefaultStatePath(CliRuntime runtime, Uri source)
    {
        var folder = runtime.Config.StoragePath ?? Directory.GetCurrentDirectory();
        var name = $"{source.Host}-{source.Port}".Replace(':', '_');
        return Path.Combine(folder, "migration", name + ".json");
    }

    private static async Task PrintAsync(CommandIo io, MigrationReport report)
    {
        foreach (var (kind, counts) in report.Counts)
        {
            await io.Output.WriteLineAsync(
                $"{kind}: {counts.Created} created, {counts.Updated} updated, {counts.Unchanged} unchanged, "
                + $"{counts.Failed} failed");
        }

        foreach (var note in report.Notes)
        {
            await io.Output.WriteLineAsync(note);
        }

        foreach (var failure in report.Failures)
        {
            await io.Error.WriteLineAsync($"Failed {failure.Kind} {failure.Name}: {failure.Reason}");
        }
    }
}
