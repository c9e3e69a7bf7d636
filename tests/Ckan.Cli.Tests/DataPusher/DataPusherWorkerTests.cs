using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.DataStore.Tests.Support;
using Ckan.Jobs;
using Ckan.Jobs.Tests.Redis;
using Microsoft.Data.Sqlite;

namespace Ckan.Cli.Tests.DataPusher;

/// <summary>
/// DataPusher loads queued by a portal and run by a separate <c>ckan jobs worker</c> process, including one that
/// is killed in the middle of a load.
/// </summary>
public sealed class DataPusherWorkerTests
{
    private const int LargeRowCount = 600_000;

    [Fact]
    public async Task Separate_worker_loads_uploaded_csv()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var site = await WorkerPortal.StartAsync(new Dictionary<string, string>(), cancellationToken);
        var csv = Path.Combine(site.Portal.Folder, "cities.csv");
        await File.WriteAllTextAsync(csv, "city,population\nLima,9751717\nQuito,2800388\nCusco,428450\n", cancellationToken);

        var resourceId = await site.UploadAsync(csv, null, cancellationToken);
        var queued = await site.StatusAsync(resourceId, cancellationToken);
        await site.RunBurstWorkerAsync(cancellationToken);
        var status = await site.StatusAsync(resourceId, cancellationToken);
        var search = await site.SearchAsync(resourceId, cancellationToken);
        var show = await site.Portal.Services.CallAsSiteAsync(
            "resource_show", new JsonObject { ["id"] = resourceId }, cancellationToken);
        var jobShow = await new CliSiteOn(site.ConfigPath).RunAsync("jobs", "show", queued["job_id"]!.GetValue<string>());

        Assert.Equal("pending", queued["status"]!.GetValue<string>());
        Assert.Equal("complete", status["status"]!.GetValue<string>());
        Assert.Equal(3, status["task_info"]!["progress"]!["rows_done"]!.GetValue<long>());
        Assert.Equal(3, status["task_info"]!["progress"]!["rows_total"]!.GetValue<long>());
        Assert.Equal(3, search["total"]!.GetValue<int>());
        Assert.True(show!["datastore_active"]!.GetValue<bool>());
        Assert.Equal(0, jobShow.ExitCode);
        Assert.Contains("Status:  finished", jobShow.OutputLines);
        Assert.Contains("Progress: 3 of 3", jobShow.OutputLines);
    }

    [Fact]
    public async Task Killed_worker_keeps_previous_table_on_postgres()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var adminUrl = PostgresTestDatabase.AdminUrl();
        Assert.SkipWhen(adminUrl is null, "CKAN_TEST_POSTGRES is not set, so the PostgreSQL DataStore is not tested.");
        var redis = TestRedis.Url();
        await using var database = await PostgresTestDatabase.CreateAsync(adminUrl!, cancellationToken);
        var siteId = "dpcrash-" + Guid.NewGuid().ToString("N")[..12];
        var options = new Dictionary<string, string>
        {
            ["ckan.datastore.write_url"] = database.WriteUrl,
            ["ckan.datastore.read_url"] = database.ReadUrl,
            ["ckan.redis.url"] = redis,
            ["ckan.site_id"] = siteId,
            [JobQueueFactory.LeaseOption] = "2",
        };
        await using var site = await WorkerPortal.StartAsync(options, cancellationToken);
        using var queue = JobQueueFactory.Create(site.Portal.Services.Config);

        async Task<long> CountTablesAsync(string resourceId) => Convert.ToInt64(
            await database.ScalarAsync(
                $"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '{resourceId}%'",
                cancellationToken),
            CultureInfo.InvariantCulture);

        await KillAndRetryAsync(site, queue, CountTablesAsync, cancellationToken);
    }

    [Fact]
    public async Task Killed_worker_keeps_previous_table_on_sqlite()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var site = await WorkerPortal.StartAsync(new Dictionary<string, string>(), cancellationToken);
        using var queue = JobQueueFactory.Create(site.Portal.Services.Config);
        var dataStorePath = Ckan.DataStore.DataStoreOptions.FromConfig(site.Portal.Services.Config).SqlitePath;

        async Task<long> CountTablesAsync(string resourceId)
        {
            await using var connection = new SqliteConnection($"Data Source={dataStorePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND (name = $id OR name LIKE '\\_load\\_%' ESCAPE '\\')";
            command.Parameters.AddWithValue("$id", resourceId);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await KillAndRetryAsync(site, queue, CountTablesAsync, cancellationToken);
    }

    // Loads a small table, starts a large load, kills its worker once rows are going in, and checks that the small
    // table is still readable, that no second table is left, and that the next worker takes the job again and ends it.
    private static async Task KillAndRetryAsync(
        WorkerPortal site,
        IJobQueue queue,
        Func<string, Task<long>> countTablesAsync,
        CancellationToken cancellationToken)
    {
        var small = Path.Combine(site.Portal.Folder, "small.csv");
        await File.WriteAllTextAsync(small, "id,name,amount\n1,first,1.5\n2,second,2.5\n", cancellationToken);
        var resourceId = await site.UploadAsync(small, null, cancellationToken);
        await site.RunBurstWorkerAsync(cancellationToken);
        Assert.Equal("complete", (await site.StatusAsync(resourceId, cancellationToken))["status"]!.GetValue<string>());

        var large = Path.Combine(site.Portal.Folder, "large.csv");
        await WriteLargeCsvAsync(large, cancellationToken);
        await site.UploadAsync(large, resourceId, cancellationToken);
        var jobId = (await site.StatusAsync(resourceId, cancellationToken))["job_id"]!.GetValue<string>();
        using (var worker = site.StartWorker(burst: false))
        {
            var progress = await WaitForProgressAsync(queue, jobId, cancellationToken);
            Assert.True(progress.Done < LargeRowCount, "the load ended before the worker could be killed");
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync(cancellationToken);
        }

        var during = await site.StatusAsync(resourceId, cancellationToken);
        var oldRows = await site.SearchAsync(resourceId, cancellationToken);
        var tables = await WaitForTableCountAsync(countTablesAsync, resourceId, cancellationToken);
        var abandoned = await queue.GetAsync(jobId, cancellationToken);

        Assert.Equal("pending", during["status"]!.GetValue<string>());
        // A load that reads the file once (PostgreSQL) estimates the total from the part of the file read so far.
        Assert.InRange(
            during["task_info"]!["progress"]!["rows_total"]!.GetValue<long>(), LargeRowCount * 95 / 100, LargeRowCount * 105 / 100);
        Assert.Equal(2, oldRows["total"]!.GetValue<int>());
        Assert.Equal("first", oldRows["records"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(1, tables);
        Assert.Equal(JobStatus.Started, abandoned!.Status);

        // A Redis lease of 2 s has ended by now; the SQLite queue finds that the worker's process is gone.
        await Task.Delay(TimeSpan.FromSeconds(2.5), cancellationToken);
        await site.RunBurstWorkerAsync(cancellationToken);
        var status = await site.StatusAsync(resourceId, cancellationToken);
        var newRows = await site.SearchAsync(resourceId, cancellationToken);
        var retried = await queue.GetAsync(jobId, cancellationToken);

        Assert.Equal("complete", status["status"]!.GetValue<string>());
        Assert.Equal(LargeRowCount, newRows["total"]!.GetValue<int>());
        Assert.Equal(JobStatus.Finished, retried!.Status);
        Assert.Equal(1, await countTablesAsync(resourceId));
    }

    private static async Task WriteLargeCsvAsync(string path, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("id,name,amount,day,code".AsMemory(), cancellationToken);
        for (var row = 1; row <= LargeRowCount; row++)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{row},name {row % 977},{row * 0.25},2024-{1 + (row % 12):00}-{1 + (row % 28):00},C{row % 5003:00000}"));
        }
    }

    private static async Task<JobProgress> WaitForProgressAsync(IJobQueue queue, string jobId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var job = await queue.GetAsync(jobId, cancellationToken);
            if (job?.Progress is { Done: > 0 } progress)
            {
                return progress;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} reported no rows within 180 s; its status is {job?.Status}");
            await Task.Delay(50, cancellationToken);
        }
    }

    // The database notices the killed client and rolls its transaction back a moment after the process exits.
    private static async Task<long> WaitForTableCountAsync(
        Func<string, Task<long>> countTablesAsync, string resourceId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var count = await countTablesAsync(resourceId);
            if (count == 1 || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Runs in-process commands on an existing ckan.ini.</summary>
    private sealed class CliSiteOn(string configPath)
    {
        public Task<CliRun> RunAsync(params string[] args) => CliSite.RunWithoutConfigAsync(["-c", configPath, .. args]);
    }
}
