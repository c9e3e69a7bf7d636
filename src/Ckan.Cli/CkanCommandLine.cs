using System.CommandLine;
using Ckan.Cli.Commands;

namespace Ckan.Cli;

/// <summary>
/// The <c>ckan</c> command: global options and the subcommands CKAN users know.
/// </summary>
public static class CkanCommandLine
{
    /// <summary>The <c>-c/--config</c> option shared by every subcommand.</summary>
    public static readonly Option<string?> ConfigOption = new("--config", "-c")
    {
        Description = "Path to the CKAN config file (ckan.ini); defaults to $CKAN_INI, ./ckan.ini, "
            + "./development.ini, or the embedded default when none exists.",
        Recursive = true,
    };

    /// <summary>The <c>--verbose</c> option: print stack traces of failures.</summary>
    public static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Print the full error, with its stack trace, when a command fails.",
        Recursive = true,
    };

    /// <summary>Parses and runs a command line, returning the exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot(new CommandIo(output, error));
        var parseResult = root.Parse(args);
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Builds the command tree.</summary>
    public static RootCommand BuildRoot(CommandIo io)
    {
        var root = new RootCommand("CKAN-compatible open-data portal: run the server and manage its data.")
        {
            ConfigOption,
            VerboseOption,
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
