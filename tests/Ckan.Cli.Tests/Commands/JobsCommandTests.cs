namespace Ckan.Cli.Tests.Commands;

public sealed class JobsCommandTests : IDisposable
{
    private readonly CliSite _site = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _site.Dispose();
    }

    [Fact]
    public async Task List_of_empty_queue_says_no_pending_jobs()
    {
        var run = await _site.RunAsync("jobs", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["There are no pending jobs."], run.OutputLines);
    }

    [Fact]
    public async Task Test_job_is_listed_and_shown()
    {
        var queued = await _site.RunAsync("jobs", "test");
        var id = queued.OutputLines[0].Split(' ')[3];

        var list = await _site.RunAsync("jobs", "list");
        var show = await _site.RunAsync("jobs", "show", id);

        Assert.Equal(0, list.ExitCode);
        var fields = Assert.Single(list.OutputLines).Split(' ', 4);
        Assert.Equal(id, fields[1]);
        Assert.Equal("default", fields[2]);
        Assert.Equal("A test job", fields[3]);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("ID:      " + id, show.OutputLines);
        Assert.Contains("Queue:   default", show.OutputLines);
        Assert.Contains("Title:   A test job", show.OutputLines);
    }

    [Fact]
    public async Task Burst_worker_runs_test_job()
    {
        var queued = await _site.RunAsync("jobs", "test");
        var id = queued.OutputLines[0].Split(' ')[3];

        var worker = await _site.RunAsync("jobs", "worker", "--burst");
        var show = await _site.RunAsync("jobs", "show", id);

        Assert.Equal(0, worker.ExitCode);
        Assert.Contains("Status:  finished", show.OutputLines);
        Assert.Equal(["There are no pending jobs."], (await _site.RunAsync("jobs", "list")).OutputLines);
    }

    [Fact]
    public async Task Show_of_unknown_job_fails()
    {
        var run = await _site.RunAsync("jobs", "show", "no-such-job");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no job with ID \"no-such-job\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_removes_job()
    {
        var queued = await _site.RunAsync("jobs", "test");
        var id = queued.OutputLines[0].Split(' ')[3];

        var cancel = await _site.RunAsync("jobs", "cancel", id);
        var again = await _site.RunAsync("jobs", "cancel", id);

        Assert.Equal(["Cancelled job " + id], cancel.OutputLines);
        Assert.Equal(1, again.ExitCode);
    }

    [Fact]
    public async Task Clear_names_cleared_queues()
    {
        await _site.RunAsync("jobs", "test", "alpha", "beta");

        var run = await _site.RunAsync("jobs", "clear");

        Assert.Equal(["Cleared queue(s) \"alpha\", \"beta\""], run.OutputLines);
        Assert.Equal(["There are no pending jobs."], (await _site.RunAsync("jobs", "list")).OutputLines);
    }
}
