using System.CommandLine;

namespace Ckan.Cli;

/// <summary>Subcommands beyond run and db: sysadmin, user, config and generate.</summary>
public static class ExtraCommands
{
    /// <summary>Builds the extra subcommands.</summary>
    public static IReadOnlyList<Command> Build(CommandIo io) => [];
}
