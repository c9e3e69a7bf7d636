using System.CommandLine;
using Ckan.Core.Plugins;

namespace Ckan.Cli.Plugins;

/// <summary>Adds subcommands to <c>ckan</c>, available when the plugin is enabled in the config named by <c>-c</c>.</summary>
public interface ICliPlugin : ICkanPlugin
{
    /// <summary>Builds the plugin's subcommands; their actions may use <see cref="CliRuntime.Load"/>.</summary>
    IEnumerable<Command> BuildCommands(CommandIo io);
}
