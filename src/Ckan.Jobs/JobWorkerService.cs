using Ckan.Core.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ckan.Jobs;

/// <summary>
/// Runs a <see cref="JobWorker"/> on the <c>default</c> queue inside a host, so <c>ckan run</c> works
/// through background jobs without a separate worker process.
/// </summary>
public sealed class JobWorkerService(IJobQueue queue, JobHandlerRegistry handlers, ILogger<JobWorkerService> logger)
    : BackgroundService
{
    /// <summary>The option that turns the in-server worker off when false; it is on by default.</summary>
    public const string Option = "ckan.jobs.server_worker";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers the queue of <paramref name="config"/>, the handlers and, unless
    /// <c>ckan.jobs.server_worker</c> is false, this service. Registers nothing when the configuration
    /// gives the queue no place (a PostgreSQL catalog without <c>ckan.storage_path</c>), so the portal
    /// still starts; <c>ckan jobs</c> then names the option to set.
    /// </summary>
    public static void AddTo(
        IServiceCollection services,
        CkanConfig config,
        Func<IServiceProvider, JobHandlerRegistry> createHandlers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(createHandlers);

        if (config.Get("ckan.redis.url") is null && JobQueueLocation.TryResolve(config) is null)
        {
            return;
        }

        services.AddSingleton(JobQueueFactory.Create(config));
        services.AddSingleton(createHandlers);
        if (config.GetBool(Option, true))
        {
            services.AddHostedService<JobWorkerService>();
        }
    }

    // A failing queue (a locked or unwritable jobs.db) must not stop the web server, which is what an
    // exception escaping a hosted service does, so the worker logs it and starts again after a pause.
    // NOTE: a job whose end could not be recorded stays started until the process restarts.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = new JobWorker(queue, handlers, logger, PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunAsync([IJobQueue.DefaultQueue], false, stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                Log.WorkerFailed(logger, IJobQueue.DefaultQueue, RestartDelay.TotalSeconds, error);
                await Task.Delay(RestartDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
