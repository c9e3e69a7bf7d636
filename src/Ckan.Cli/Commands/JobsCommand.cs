using System.CommandLine;
using System.Globalization;
using Ckan.Core.Actions;
using Ckan.DataPusher;
using Ckan.DataStore;
using Ckan.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Cli.Commands;

/// <summary>
/// <c>ckan jobs</c>: lists, shows, cancels and clears background jobs and runs a worker, with CKAN's
/// output lines. Jobs live in the embedded SQLite queue, or in Redis when <c>ckan.redis.url</c> is set.
/// </summary>
public static class JobsCommand
{
    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("jobs", "Manage background jobs.");
        command.Subcommands.Add(BuildWorker(io));
        command.Subcommands.Add(BuildList(io));
        command.Subcommands.Add(BuildShow(io));
        command.Subcommands.Add(BuildCancel(io));
        command.Subcommands.Add(BuildClear(io));
        command.Subcommands.Add(BuildTest(io));
        return command;
    }

    /// <summary>Returns the handlers of the worker inside <c>ckan run</c>, built as <c>ckan jobs worker</c> builds them.</summary>
    public static JobHandlerRegistry CreateHandlers(IServiceProvider provider) =>
        JobHandlerFactory.Create(
            provider.GetService<CkanServices>(),
            provider.GetService<IDataStore>(),
            provider.GetRequiredService<IJobQueue>(),
            provider.GetRequiredService<ILoggerFactory>());

    private static Command BuildWorker(CommandIo io)
    {
        var burst = new Option<bool>("--burst") { Description = "Stop when no job is waiting." };
        var queues = QueuesArgument();
        var command = new Command("worker", "Start a worker that runs jobs of the queues (default: default).")
        {
            burst,
            queues,
        };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var runtime = CliRuntime.Load(parseResult);
            using var queue = JobQueueFactory.Create(runtime.Config);
            using var loggers = LoggerFactory.Create(builder => builder.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            }));
            await using var site = await WorkerSite.OpenAsync(runtime, cancellationToken);
            var handlers = JobHandlerFactory.Create(site.Services, site.DataStore, queue, loggers);
            var logger = loggers.CreateLogger("Ckan.Jobs.Worker");
            var names = parseResult.GetValue(queues) is { Length: > 0 } given ? given : [IJobQueue.DefaultQueue];
            var worker = new JobWorker(queue, handlers, logger, TimeSpan.FromSeconds(1));
            await worker.RunAsync(names, parseResult.GetValue(burst), cancellationToken);
            return 0;
        }));
        return command;
    }

    private static Command BuildList(CommandIo io)
    {
        var queues = QueuesArgument();
        var command = new Command("list", "List the queued jobs of the queues (default: all).") { queues };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            using var queue = OpenQueue(parseResult);
            var jobs = await queue.ListQueuedAsync(
                parseResult.GetValue(queues) ?? [], cancellationToken);
            if (jobs.Count == 0)
            {
                await io.Output.WriteLineAsync("There are no pending jobs.");
                return 0;
            }

            foreach (var job in jobs)
            {
                await io.Output.WriteLineAsync($"{FormatTime(job.Created)} {job.Id} {job.Queue} {job.Title ?? "None"}");
            }

            return 0;
        }));
        return command;
    }

    private static Command BuildShow(CommandIo io)
    {
        var id = new Argument<string>("ID") { Description = "The job id." };
        var command = new Command("show", "Show the details of a job.") { id };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var jobId = parseResult.GetValue(id)!;
            using var queue = OpenQueue(parseResult);
            var job = await queue.GetAsync(jobId, cancellationToken);
            if (job is null)
            {
                await io.Error.WriteLineAsync($"There is no job with ID \"{jobId}\"");
                return 1;
            }

            await io.Output.WriteLineAsync("ID:      " + job.Id);
            await io.Output.WriteLineAsync("Title:   " + (job.Title ?? "None"));
            await io.Output.WriteLineAsync("Created: " + FormatTime(job.Created));
            await io.Output.WriteLineAsync("Queue:   " + job.Queue);
            await io.Output.WriteLineAsync("Status:  " + job.Status);
            if (job.Progress is { } progress)
            {
                await io.Output.WriteLineAsync("Progress: " + FormatProgress(progress));
            }

            if (job.Error is not null)
            {
                await io.Output.WriteLineAsync("Error:   " + job.Error);
            }

            return 0;
        }));
        return command;
    }

    private static Command BuildCancel(CommandIo io)
    {
        var id = new Argument<string>("ID") { Description = "The job id." };
        var command = new Command("cancel", "Cancel a job, removing it from its queue.") { id };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var jobId = parseResult.GetValue(id)!;
            using var queue = OpenQueue(parseResult);
            if (!await queue.CancelAsync(jobId, cancellationToken))
            {
                await io.Error.WriteLineAsync($"There is no job with ID \"{jobId}\"");
                return 1;
            }

            await io.Output.WriteLineAsync("Cancelled job " + jobId);
            return 0;
        }));
        return command;
    }

    private static Command BuildClear(CommandIo io)
    {
        var queues = QueuesArgument();
        var command = new Command("clear", "Cancel every queued job of the queues (default: all).") { queues };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            using var queue = OpenQueue(parseResult);
            var cleared = await queue.ClearAsync(parseResult.GetValue(queues) ?? [], cancellationToken);
            var quoted = cleared.Select(name => "\"" + name + "\"");
            await io.Output.WriteLineAsync("Cleared queue(s) " + string.Join(", ", quoted));
            return 0;
        }));
        return command;
    }

    private static Command BuildTest(CommandIo io)
    {
        var queues = QueuesArgument();
        var command = new Command("test", "Queue a test job on each queue (default: default).") { queues };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            using var queue = OpenQueue(parseResult);
            var names = parseResult.GetValue(queues) is { Length: > 0 } given ? given : [IJobQueue.DefaultQueue];
            foreach (var name in names)
            {
                var job = await queue.EnqueueAsync(TestJob.Create(name), cancellationToken);
                await io.Output.WriteLineAsync($"Queued test job {job.Id} on queue {name}");
            }

            return 0;
        }));
        return command;
    }

    private static Argument<string[]> QueuesArgument() => new("QUEUES")
    {
        Description = "Queue names.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static IJobQueue OpenQueue(ParseResult parseResult) =>
        JobQueueFactory.Create(CliRuntime.Load(parseResult).Config);

    private static string FormatProgress(JobProgress progress) => progress.Total is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"{progress.Done} of {total}")
        : progress.Done.ToString(CultureInfo.InvariantCulture);

    // CKAN prints the job's creation time as Python's isoformat of a naive UTC datetime.
    private static string FormatTime(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
