using System.CommandLine;
using Ckan.Cli.Commands;

namespace Ckan.Cli;

/// <summary>Subcommands beyond run and db: sysadmin, user, config-tool, config, generate,
/// search-index, jobs, migrate, datastore and datapusher.</summary>
public static class ExtraCommands
{
    /// <summary>Builds the extra subcommands.</summary>
    public static IReadOnlyList<Command> Build(CommandIo io) =>
    [
        SysadminCommand.Build(io),
        UserCommand.Build(io),
        ConfigCommands.BuildConfigTool(io),
        ConfigCommands.BuildConfig(io),
        GenerateCommand.Build(io),
        SearchIndexCommand.Build(io),
        JobsCommand.Build(io),
        MigrateCommand.Build(io),
        DataStoreCommand.Build(io),
        DataPusherCommand.Build(io),
    ];
}
