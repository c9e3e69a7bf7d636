using System.CommandLine;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Cli.Commands;

/// <summary><c>ckan sysadmin</c>: lists, grants and revokes sysadmin rights.</summary>
public static class SysadminCommand
{
    /// <summary>Builds the command. Without a subcommand it lists the sysadmins, as <c>list</c> does.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("sysadmin", "Give sysadmin rights to users or take them away.");
        command.SetAction((parseResult, cancellationToken) =>
            SiteActions.GuardAsync(parseResult, io, () => ListAsync(parseResult, io, cancellationToken)));
        command.Subcommands.Add(List(io));
        command.Subcommands.Add(Add(io));
        command.Subcommands.Add(Remove(io));
        return command;
    }

    private static Command List(CommandIo io)
    {
        var command = new Command("list", "List the active sysadmins with their email and id.");
        command.SetAction((parseResult, cancellationToken) =>
            SiteActions.GuardAsync(parseResult, io, () => ListAsync(parseResult, io, cancellationToken)));
        return command;
    }

    private static Command Add(CommandIo io)
    {
        var userName = new Argument<string>("USERNAME") { Description = "Name or id of the user." };
        var fields = new Argument<string[]>("FIELD=VALUE")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Fields for a user that does not exist yet, such as email=ADDRESS password=PASSWORD "
                + "fullname=NAME, as for `user add`.",
        };
        var command = new Command(
            "add",
            "Make a user a sysadmin, creating the user first when missing (asking for confirmation on a terminal).")
        {
            userName,
            fields,
        };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var name = parseResult.GetRequiredValue(userName);
            var parsedFields = FieldArguments.Parse(parseResult.GetValue(fields) ?? []);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            var user = await FindUserAsync(services, name, cancellationToken);
            if (user is null)
            {
                await io.Output.WriteLineAsync($"User \"{name}\" not found");
                var isConfirmed = Console.IsInputRedirected
                    || Prompts.Confirm(io, $"Create new user: {name}?", defaultAnswer: true);
                if (!isConfirmed)
                {
                    await io.Error.WriteLineAsync("Aborted!");
                    return 1;
                }

                await UserCreation.CreateAsync(services, io, name, parsedFields, sysadmin: true, cancellationToken);
            }
            else
            {
                await SetSysadminAsync(services, user, true, cancellationToken);
            }

            await io.Output.WriteLineAsync($"Added {name} as sysadmin");
            return 0;
        }));
        return command;
    }

    private static Command Remove(CommandIo io)
    {
        var userName = new Argument<string>("USERNAME") { Description = "Name or id of the user." };
        var command = new Command("remove", "Take sysadmin rights away from a user.") { userName };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var name = parseResult.GetRequiredValue(userName);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            var user = await FindUserAsync(services, name, cancellationToken);
            if (user is null)
            {
                // CKAN prints this error but exits with status 0.
                await io.Error.WriteLineAsync($"Error: user \"{name}\" not found!");
                return 0;
            }

            await SetSysadminAsync(services, user, false, cancellationToken);
            await io.Output.WriteLineAsync($"Removed {name} from sysadmins");
            return 0;
        }));
        return command;
    }

    private static async Task<int> ListAsync(ParseResult parseResult, CommandIo io, CancellationToken cancellationToken)
    {
        using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);
        var users = await SiteActions.CallAsync(services, "user_list", new JsonObject(), cancellationToken);
        var sysadmins = (users as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(user => DataDict.GetBool(user, "sysadmin", false))
            .ToList();

        await io.Output.WriteLineAsync("Sysadmins:");
        await io.Output.WriteLineAsync($"count = {sysadmins.Count}");
        foreach (var user in sysadmins)
        {
            await io.Output.WriteLineAsync(
                $"User name={Text(user, "name")} email={Text(user, "email")} id={Text(user, "id")}");
        }

        return 0;
    }

    /// <summary>Returns the user's dictionary from user_show, or null when no user has the name or id.</summary>
    internal static async Task<JsonObject?> FindUserAsync(
        CkanServices services,
        string nameOrId,
        CancellationToken cancellationToken)
    {
        try
        {
            var data = new JsonObject { ["id"] = nameOrId };
            return await SiteActions.CallAsync(services, "user_show", data, cancellationToken) as JsonObject;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static async Task SetSysadminAsync(
        CkanServices services,
        JsonObject user,
        bool isSysadmin,
        CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["id"] = DataDict.GetString(user, "id"), ["sysadmin"] = isSysadmin };
        await SiteActions.CallAsync(services, "user_patch", data, cancellationToken);
    }

    // Python prints a missing value as None, and CKAN's output keeps that spelling.
    private static string Text(JsonObject user, string field) => DataDict.GetString(user, field) ?? "None";
}
