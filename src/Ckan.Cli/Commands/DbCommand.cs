using System.CommandLine;

namespace Ckan.Cli.Commands;

/// <summary><c>ckan db</c>: creates, upgrades, inspects and empties the catalog database.</summary>
public static class DbCommand
{
    /// <summary>Builds the command with its init, upgrade, version and clean subcommands.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("db", "Manage the catalog database.");
        command.Subcommands.Add(Upgrade("init", "Create the catalog tables (same as upgrade).", io));
        command.Subcommands.Add(Upgrade("upgrade", "Apply pending schema migrations.", io));
        command.Subcommands.Add(Version(io));
        command.Subcommands.Add(Clean(io));
        return command;
    }

    private static Command Upgrade(string name, string description, CommandIo io)
    {
        var command = new Command(name, description);
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var migrator = CliRuntime.Load(parseResult).OpenMigrator();
            var applied = await migrator.UpgradeAsync(cancellationToken);
            foreach (var migration in applied)
            {
                await io.Output.WriteLineAsync("Applied migration " + migration);
            }

            await io.Output.WriteLineAsync("Upgrading DB: SUCCESS");
            return 0;
        }));
        return command;
    }

    private static Command Version(CommandIo io)
    {
        var command = new Command("version", "Print the newest applied migration.");
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var version = await CliRuntime.Load(parseResult).OpenMigrator().GetVersionAsync(cancellationToken);
            await io.Output.WriteLineAsync("Current DB version: " + (version ?? "none (empty database)"));
            return 0;
        }));
        return command;
    }

    private static Command Clean(CommandIo io)
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var command = new Command("clean", "Delete every row of the catalog, keeping the tables.") { yes };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            if (!parseResult.GetValue(yes) && !Prompts.Confirm(io, "This will delete all of your data!\nDo you want to continue?"))
            {
                await io.Error.WriteLineAsync("Aborted!");
                return 1;
            }

            await CliRuntime.Load(parseResult).OpenMigrator().CleanAsync(cancellationToken);
            await io.Output.WriteLineAsync("Cleaning DB: SUCCESS");
            return 0;
        }));
        return command;
    }
}
