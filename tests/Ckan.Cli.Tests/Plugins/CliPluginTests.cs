using System.CommandLine;
using Ckan.Cli.Plugins;
using Ckan.Core.Plugins;

namespace Ckan.Cli.Tests.Plugins;

/// <summary>Adds <c>ckan sample-hello NAME</c>.</summary>
[CkanPlugin("sample_cli")]
public sealed class SampleCliPlugin : ICliPlugin
{
    public IEnumerable<Command> BuildCommands(CommandIo io)
    {
        var name = new Argument<string>("NAME");
        var command = new Command("sample-hello", "Greets someone.") { name };
        command.SetAction(async parseResult =>
        {
            await io.Output.WriteLineAsync("Hello, " + parseResult.GetValue(name));
            return 0;
        });
        yield return command;
    }
}

public sealed class CliPluginTests
{
    [Fact]
    public async Task Enabled_plugin_adds_command()
    {
        using var site = new CliSite();
        File.AppendAllText(site.ConfigPath, "ckan.plugins = sample_cli\n");

        var run = await site.RunAsync("sample-hello", "world");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Hello, world\n", run.Output);
    }

    [Fact]
    public async Task Disabled_plugin_adds_nothing()
    {
        using var site = new CliSite();

        var run = await site.RunAsync("sample-hello", "world");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Unknown_plugin_still_allows_config_commands()
    {
        using var site = new CliSite();
        File.AppendAllText(site.ConfigPath, "ckan.plugins = no_such_plugin\n");

        var set = await site.RunAsync("config-tool", site.ConfigPath, "ckan.plugins=");
        var help = await site.RunAsync("--help");

        Assert.Equal(0, set.ExitCode);
        Assert.Equal(0, help.ExitCode);
    }
}
