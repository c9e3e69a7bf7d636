using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ckan.Jobs;
using Ckan.Jobs.Redis;
using Ckan.Jobs.Tests.Redis;

namespace Ckan.Cli.Tests.Commands;

/// <summary>
/// <c>ckan jobs worker</c> processes on the Redis queue: a job whose worker is killed mid-run is run again by
/// the next worker once the dead worker's lease ends.
/// </summary>
public sealed class JobsWorkerCrashTests
{
    [Fact]
    public async Task Killed_worker_job_runs_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var redis = TestRedis.Url();
        using var site = new CliSite();
        var siteId = "crash-" + Guid.NewGuid().ToString("N");
        File.AppendAllText(site.ConfigPath, $"ckan.redis.url = {redis}\nckan.site_id = {siteId}\nckan.jobs.lease_seconds = 1\n");
        using var queue = await RedisJobQueue.ConnectAsync(redis, siteId, TimeSpan.FromSeconds(1));
        var job = await queue.EnqueueAsync(
            new JobRequest
            {
                Kind = TestJob.Kind,
                Title = "slow",
                Payload = JsonSerializer.Serialize(new { message = "slow", delay_seconds = 4 }),
            },
            cancellationToken);

        using (var first = StartWorker(site.ConfigPath, burst: false))
        {
            await WaitForStatusAsync(queue, job.Id, JobStatus.Started, cancellationToken);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(cancellationToken);
        }

        Assert.Equal(JobStatus.Started, (await queue.GetAsync(job.Id, cancellationToken))!.Status);

        // A burst worker stops when it finds nothing to do, so it starts once the dead worker's lease has ended.
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
        using var second = StartWorker(site.ConfigPath, burst: true);
        await second.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

        var ended = await queue.GetAsync(job.Id, cancellationToken);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(JobStatus.Finished, ended!.Status);
        Assert.Null(ended.Error);
    }

    // The worker is the built ckan command beside the tests, run as its own process so it can be killed.
    private static Process StartWorker(string configPath, bool burst)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ckan.dll"), "-c", configPath, "jobs", "worker" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (burst)
        {
            start.ArgumentList.Add("--burst");
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForStatusAsync(
        IJobQueue queue, string id, string status, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await queue.GetAsync(id, cancellationToken))?.Status != status)
        {
            Assert.True(DateTime.UtcNow < deadline,
                string.Create(CultureInfo.InvariantCulture, $"job {id} did not reach {status} within 60 s"));
            await Task.Delay(100, cancellationToken);
        }
    }
}
