using System.CommandLine;
using Ckan.Cli.Commands;
using Ckan.Cli.Plugins;

namespace Ckan.Cli;

/// <summary>
/// The <c>ckan</c> command: global options and the subcommands CKAN users know.
/// </summary>
public static class CkanCommandLine
{
    /// <summary>Name of the <c>-c/--config</c> option shared by every subcommand.</summary>
    public const string ConfigOptionName = "--config";

    /// <summary>Name of the <c>--verbose</c> option: print stack traces of failures.</summary>
    public const string VerboseOptionName = "--verbose";

    /// <summary>Parses and runs a command line, returning the exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var io = new CommandIo(output, error);
        var root = BuildRoot(io);
        var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);

        // Plugin commands depend on the config that -c names, so the line is parsed again with them.
        var pluginCommands = PluginCommands.Build(parseResult, io);
        if (pluginCommands.Count > 0)
        {
            root = BuildRoot(io);
            foreach (var command in pluginCommands)
            {
                root.Subcommands.Add(command);
            }

            parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
        }

        // Usage errors exit with 2, as CKAN's Click-based command does.
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync("Error: " + parseError.Message);
            }

            await error.WriteLineAsync("Try 'ckan --help' for help.");
            return 2;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Builds the command tree.</summary>
    public static RootCommand BuildRoot(CommandIo io)
    {
        // The options are made per tree: System.CommandLine records each option's parents, so sharing one
        // instance between trees would tie them together.
        var root = new RootCommand("CKAN-compatible open-data portal: run the server and manage its data.")
        {
            new Option<string?>(ConfigOptionName, "-c")
            {
                Description = "Path to the CKAN config file (ckan.ini); defaults to $CKAN_INI, ./ckan.ini, "
                    + "./development.ini, or the embedded default when none exists.",
                Recursive = true,
            },
            new Option<bool>(VerboseOptionName)
            {
                Description = "Print the full error, with its stack trace, when a command fails.",
                Recursive = true,
            },
        };
        root.Subcommands.Add(RunCommand.Build(io));
        root.Subcommands.Add(DbCommand.Build(io));
        foreach (var command in ExtraCommands.Build(io))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
