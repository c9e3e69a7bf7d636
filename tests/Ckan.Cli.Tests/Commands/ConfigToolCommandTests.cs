namespace Ckan.Cli.Tests.Commands;

public sealed class ConfigToolCommandTests : IDisposable
{
    private readonly CliSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Config_tool_replaces_and_adds_options()
    {
        var run = await CliSite.RunWithoutConfigAsync(
            "config-tool", _site.ConfigPath, "ckan.site_url=http://portal.test", "ckan.site_title=Open Data");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ErrorLines);
        var config = _site.LoadConfig();
        Assert.Equal("http://portal.test", config.Options["ckan.site_url"]);
        Assert.Equal("Open Data", config.Options["ckan.site_title"]);
        Assert.Equal(CliSite.SecretKey, config.Options["SECRET_KEY"]);
    }

    [Fact]
    public async Task Config_tool_writes_values_verbatim()
    {
        var run = await CliSite.RunWithoutConfigAsync(
            "config-tool", _site.ConfigPath, "ckan.storage_path=%(here)s/files");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ckan.storage_path = %(here)s/files", File.ReadAllLines(_site.ConfigPath));
        Assert.Equal(Path.Combine(_site.Directory, "files"), _site.LoadConfig().Options["ckan.storage_path"]);
    }

    [Fact]
    public async Task Config_tool_sets_option_in_named_section()
    {
        var run = await CliSite.RunWithoutConfigAsync(
            "config-tool", _site.ConfigPath, "-s", "logger_root", "level=WARNING");

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(_site.ConfigPath);
        var header = Array.IndexOf(lines, "[logger_root]");
        Assert.True(header >= 0, "The [logger_root] section was not added.");
        Assert.Equal("level = WARNING", lines[header + 1]);
        Assert.False(_site.LoadConfig().Options.ContainsKey("level"));
    }

    [Fact]
    public async Task Config_tool_edit_rejects_new_option()
    {
        var before = File.ReadAllText(_site.ConfigPath);

        var run = await CliSite.RunWithoutConfigAsync("config-tool", _site.ConfigPath, "-e", "ckan.site_id=other");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.Contains("Option ckan.site_id is not set in section [app:main]", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_site.ConfigPath));
    }

    [Fact]
    public async Task Config_tool_edit_changes_existing_option()
    {
        var run = await CliSite.RunWithoutConfigAsync(
            "config-tool", _site.ConfigPath, "--edit", "SECRET_KEY=rotated-secret-key");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("rotated-secret-key", _site.LoadConfig().Options["SECRET_KEY"]);
    }

    [Fact]
    public async Task Config_tool_rejects_option_without_equals()
    {
        var before = File.ReadAllText(_site.ConfigPath);

        var run = await CliSite.RunWithoutConfigAsync("config-tool", _site.ConfigPath, "debug");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: Could not parse option: \"debug\"", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_site.ConfigPath));
    }

    [Fact]
    public async Task Config_tool_of_missing_file_fails()
    {
        var missing = Path.Combine(_site.Directory, "missing.ini");

        var run = await CliSite.RunWithoutConfigAsync("config-tool", missing, "debug=true");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"ERROR: Config file not found: {missing}"], run.ErrorLines);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Config_tool_merge_file_is_reported_unsupported()
    {
        var run = await CliSite.RunWithoutConfigAsync("config-tool", _site.ConfigPath, "-f", "other.ini");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not supported", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
