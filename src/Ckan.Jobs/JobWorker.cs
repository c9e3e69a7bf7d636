using Microsoft.Extensions.Logging;

namespace Ckan.Jobs;

/// <summary>
/// Takes jobs from a queue one at a time and runs their handlers, as CKAN's <c>ckan jobs worker</c>
/// does. A job whose handler throws is marked failed; a job interrupted by stopping the worker goes back
/// to its queue.
/// </summary>
public sealed class JobWorker
{
    private readonly IJobQueue _queue;
    private readonly JobHandlerRegistry _handlers;
    private readonly ILogger _logger;
    private readonly TimeSpan _pollInterval;

    /// <summary>Creates a worker that looks for new jobs every <paramref name="pollInterval"/> when idle.</summary>
    public JobWorker(IJobQueue queue, JobHandlerRegistry handlers, ILogger logger, TimeSpan pollInterval)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(logger);

        _queue = queue;
        _handlers = handlers;
        _logger = logger;
        _pollInterval = pollInterval;
    }

    /// <summary>
    /// Runs jobs of the named queues (all when empty) until cancelled or, with <paramref name="burst"/>,
    /// until no job is waiting. Returns the number of jobs run.
    /// </summary>
    public async Task<int> RunAsync(IReadOnlyList<string> queues, bool burst, CancellationToken cancellationToken = default)
    {
        var names = queues.Count == 0 ? "(all)" : string.Join(", ", queues);
        var recovered = await _queue.RecoverAbandonedAsync(cancellationToken);
        if (recovered > 0)
        {
            Log.Recovered(_logger, recovered);
        }

        Log.WorkerStarted(_logger, names);
        var count = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var job = await _queue.TakeNextAsync(queues, cancellationToken);
                if (job is null)
                {
                    if (burst)
                    {
                        break;
                    }

                    await Task.Delay(_pollInterval, cancellationToken);
                    continue;
                }

                await RunJobAsync(job, cancellationToken);
                count++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping between jobs is the normal way out of the loop.
        }

        Log.WorkerStopped(_logger, names);
        return count;
    }

    private async Task RunJobAsync(Job job, CancellationToken cancellationToken)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.Id });
        var handler = _handlers.Find(job.Kind);
        if (handler is null)
        {
            Log.NoHandler(_logger, job.Id, job.Kind);
            await _queue.CompleteAsync(
                job.Id,
                $"No handler runs jobs of kind \"{job.Kind}\". Start a worker that has it, or cancel the job.",
                CancellationToken.None);
            return;
        }

        Log.JobStarted(_logger, job.Id, job.Kind, job.Queue);
        try
        {
            await handler(job, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _queue.RequeueAsync(job.Id, CancellationToken.None);
            Log.JobRequeued(_logger, job.Id);
            throw;
        }
        catch (Exception error)
        {
            Log.JobFailed(_logger, job.Id, job.Kind, error);
            await _queue.CompleteAsync(job.Id, error.Message, CancellationToken.None);
            return;
        }

        await _queue.CompleteAsync(job.Id, null, CancellationToken.None);
        Log.JobFinished(_logger, job.Id);
    }
}
