namespace Ckan.Cli.Tests.Commands;

public sealed class DbCommandTests : IDisposable
{
    private readonly CliSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Db_init_then_version_prints_current_version()
    {
        var init = await _site.RunAsync("db", "init");

        var version = await _site.RunAsync("db", "version");

        Assert.Equal(0, init.ExitCode);
        Assert.Equal("Upgrading DB: SUCCESS", init.OutputLines[^1]);
        Assert.Equal(0, version.ExitCode);
        var line = Assert.Single(version.OutputLines);
        Assert.StartsWith("Current DB version: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("none", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_version_of_empty_database_says_none()
    {
        var run = await _site.RunAsync("db", "version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Current DB version: none (empty database)"], run.OutputLines);
    }
}
