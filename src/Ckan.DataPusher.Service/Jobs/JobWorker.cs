using System.Text;
using System.Text.Json.Nodes;
using Ckan.DataPusher.Service.Push;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher.Service.Jobs;

/// <summary>
/// Runs pending jobs one at a time, oldest first, then posts each finished job's dictionary to its result
/// URL. A job interrupted by a shutdown stays pending and runs again after the next start.
/// </summary>
public sealed class JobWorker(
    JobStore store,
    JobSignal signal,
    PushToDataStore push,
    HttpClient http,
    ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await store.NextPendingAsync(stoppingToken);
                if (job is null)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                    continue;
                }

                await RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The store failed (disk full, file removed): wait and poll again rather than stop the service.
                ServiceLog.WorkerFailed(logger, error);
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }

    private async Task RunAsync(JobRecord job, CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.JobId });
        var log = new JobLog(store, job.JobId, logger);
        ServiceLog.JobStarted(logger, job.JobId, job.Metadata["resource_id"]?.ToString() ?? "");
        JsonObject? error = null;
        try
        {
            await push.RunAsync(job, log, stoppingToken);
        }
        catch (JobException failure)
        {
            error = failure.ToErrorObject();
            await log.ErrorAsync(failure.Message, stoppingToken);
        }
        catch (Exception failure)
            when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            ServiceLog.JobCrashed(logger, job.JobId, failure);
            error = new JsonObject { ["message"] = "The job failed with an unexpected error: " + failure.Message };
            await log.ErrorAsync(error["message"]!.ToString(), stoppingToken);
        }

        var status = error is null ? "complete" : "error";
        await store.FinishAsync(job.JobId, status, error, stoppingToken);
        ServiceLog.JobFinished(logger, job.JobId, status);
        await PostResultAsync(job.JobId, stoppingToken);
    }

    // The result URL gets the job dictionary without the API key, authenticated with that key, as
    // ckan-service-provider sends it. A key of the form "Header:value" names its own header.
    private async Task PostResultAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job?.ResultUrl is not { } resultUrl)
        {
            return;
        }

        var logs = await store.GetLogsAsync(jobId, limit: null, cancellationToken);
        var body = JobDictionary.Build(job, logs, includeJobKey: false).ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, resultUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var separator = job.ApiKey.IndexOf(':', StringComparison.Ordinal);
        if (separator > 0)
        {
            request.Headers.TryAddWithoutValidation(job.ApiKey[..separator], job.ApiKey[(separator + 1)..].Trim());
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Authorization", job.ApiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var error = $"HTTP {(int)response.StatusCode}: {Shorten(text)}";
                ServiceLog.CallbackFailed(logger, jobId, resultUrl, error);
                return;
            }

            await store.SetSentDataAsync(jobId, body, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            ServiceLog.CallbackFailed(logger, jobId, resultUrl, failure.Message);
        }
        catch (TaskCanceledException failure) when (!cancellationToken.IsCancellationRequested)
        {
            ServiceLog.CallbackFailed(logger, jobId, resultUrl, failure.Message);
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
