using Ckan.Core.Config;

namespace Ckan.Cli.Tests.Commands;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly CliSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Generate_config_writes_file_that_loads()
    {
        var path = Path.Combine(_site.Directory, "new", "ckan.ini");

        var run = await CliSite.RunWithoutConfigAsync("generate", "config", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"Wrote config file: {path}"], run.OutputLines);
        var config = ConfigLoader.Load(path, new Dictionary<string, string>());
        config.Validate();
        Assert.Equal($"sqlite:///{Path.Combine(_site.Directory, "new")}/ckan.db", config.SqlAlchemyUrl);
        Assert.False(string.IsNullOrWhiteSpace(config.SecretKey));
        Assert.Equal("string:" + config.SecretKey, config.JwtEncodeSecret);
    }

    [Fact]
    public async Task Generate_config_uses_new_secret_key()
    {
        var first = Path.Combine(_site.Directory, "first.ini");
        var second = Path.Combine(_site.Directory, "second.ini");

        await CliSite.RunWithoutConfigAsync("generate", "config", first);
        await CliSite.RunWithoutConfigAsync("generate", "config", second);

        var firstKey = ConfigLoader.Load(first, new Dictionary<string, string>()).SecretKey;
        var secondKey = ConfigLoader.Load(second, new Dictionary<string, string>()).SecretKey;
        Assert.NotEqual(firstKey, secondKey);
    }

    [Fact]
    public async Task Generate_config_leaves_existing_file_unchanged()
    {
        var before = File.ReadAllText(_site.ConfigPath);

        var run = await CliSite.RunWithoutConfigAsync("generate", "config", _site.ConfigPath);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("ERROR: Config file already exists:", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_site.ConfigPath));
    }

    [Fact]
    public async Task Generate_config_reports_plugin_declarations_unsupported()
    {
        var path = Path.Combine(_site.Directory, "plugins.ini");

        var run = await CliSite.RunWithoutConfigAsync("generate", "config", path, "-i", "datastore");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not supported", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
