using Ckan.Cli.Commands;
using Ckan.Jobs;
using Ckan.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Cli.Tests.Commands;

public sealed class RunCommandJobsTests : IDisposable
{
    private readonly CliSite _site = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _site.Dispose();
    }

    [Fact]
    public async Task Server_worker_runs_queued_job()
    {
        var config = _site.LoadConfig();
        var queued = await _site.RunAsync("jobs", "test");
        var id = queued.OutputLines[0].Split(' ')[3];
        await using var app = await CkanWebHost.BuildAsync(
            config,
            "http://127.0.0.1:0",
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                RunCommand.AddJobWorker(builder, config);
            },
            CancellationToken);

        await app.StartAsync(CancellationToken);
        var queue = app.Services.GetRequiredService<IJobQueue>();
        var status = await WaitForEndAsync(queue, id);
        await app.StopAsync(CancellationToken);

        Assert.Equal(JobStatus.Finished, status);
    }

    [Fact]
    public async Task Server_worker_can_be_turned_off()
    {
        await File.AppendAllTextAsync(_site.ConfigPath, "ckan.jobs.server_worker = false\n", CancellationToken);
        var config = _site.LoadConfig();

        await using var app = await CkanWebHost.BuildAsync(
            config, "http://127.0.0.1:0", builder => RunCommand.AddJobWorker(builder, config), CancellationToken);

        Assert.Null(app.Services.GetService<JobWorkerService>());
        Assert.DoesNotContain(
            app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(),
            service => service is JobWorkerService);
        Assert.NotNull(app.Services.GetService<IJobQueue>());
    }

    private static async Task<string> WaitForEndAsync(IJobQueue queue, string id)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var job = await queue.GetAsync(id, CancellationToken);
            if (job?.Status is JobStatus.Finished or JobStatus.Failed)
            {
                return job.Status;
            }

            await Task.Delay(100, CancellationToken);
        }

        return "still " + (await queue.GetAsync(id, CancellationToken))?.Status;
    }
}
