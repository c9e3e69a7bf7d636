using System.CommandLine;
using Ckan.Core.Config;
using Ckan.Core.Plugins;

namespace Ckan.Cli.Plugins;

/// <summary>Collects the subcommands of the CLI plugins enabled in the config a command line names.</summary>
internal static class PluginCommands
{
    /// <summary>
    /// Returns the plugin commands, or none when the config cannot be loaded: the command itself then reports
    /// that problem, so a broken config never hides <c>ckan --help</c> or <c>ckan config-tool</c>.
    /// </summary>
    public static IReadOnlyList<Command> Build(ParseResult parseResult, CommandIo io)
    {
        PluginSet plugins;
        try
        {
            plugins = PluginSet.Load(CliRuntime.Load(parseResult).Config).Plugins;
        }
        catch (Exception error) when (error is ConfigException or IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return plugins.Of<ICliPlugin>().SelectMany(plugin => plugin.BuildCommands(io)).ToList();
    }
}
