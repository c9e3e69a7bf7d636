using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Cli.Commands;

/// <summary><c>ckan user</c>: creates, lists, shows and deletes users, sets passwords and manages API tokens.</summary>
public static class UserCommand
{
    // The user_show keys printed by `user show`, in the order of CKAN's User model columns. The password hash,
    // API key and reset key are left out on purpose.
    private static readonly string[] ShownFields =
    [
        "id", "name", "fullname", "email", "created", "about", "last_active",
        "activity_streams_email_notifications", "sysadmin", "state", "image_url",
    ];

    /// <summary>Builds the command. Without a subcommand it lists the users, as <c>list</c> does.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("user", "Manage users and their API tokens.");
        command.SetAction((parseResult, cancellationToken) =>
            SiteActions.GuardAsync(parseResult, io, () => ListAsync(parseResult, io, cancellationToken)));
        command.Subcommands.Add(Add(io));
        command.Subcommands.Add(List(io));
        command.Subcommands.Add(Show(io));
        command.Subcommands.Add(Remove(io));
        command.Subcommands.Add(SetPassword(io));
        command.Subcommands.Add(UserTokenCommand.Build(io));
        return command;
    }

    private static Command Add(CommandIo io)
    {
        var userName = new Argument<string>("USERNAME") { Description = "Login name of the new user." };
        var fields = new Argument<string[]>("FIELD=VALUE")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Fields of the user, such as email=ADDRESS password=PASSWORD fullname=NAME. "
                + "A missing email or password is asked for on a terminal and is an error otherwise.",
        };
        var command = new Command("add", "Create a user.") { userName, fields };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var name = parseResult.GetRequiredValue(userName);
            var parsedFields = FieldArguments.Parse(parseResult.GetValue(fields) ?? []);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            await UserCreation.CreateAsync(services, io, name, parsedFields, sysadmin: false, cancellationToken);
            return 0;
        }));
        return command;
    }

    private static Command List(CommandIo io)
    {
        var command = new Command("list", "List the active users.");
        command.SetAction((parseResult, cancellationToken) =>
            SiteActions.GuardAsync(parseResult, io, () => ListAsync(parseResult, io, cancellationToken)));
        return command;
    }

    private static Command Show(CommandIo io)
    {
        var userName = new Argument<string>("USERNAME") { Description = "Name or id of the user." };
        var command = new Command("show", "Print a user's stored fields.") { userName };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var name = parseResult.GetRequiredValue(userName);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            var user = await SysadminCommand.FindUserAsync(services, name, cancellationToken)
                ?? throw new CommandFailedException(
                    $"User \"{name}\" not found. Check the name with `ckan user list`.");

            var fields = ShownFields.Select(field => $"{field}={FormatValue(user[field])}");
            await io.Output.WriteLineAsync($"User: <User {string.Join(" ", fields)}>");
            return 0;
        }));
        return command;
    }

    private static Command Remove(CommandIo io)
    {
        var userName = new Argument<string>("USERNAME") { Description = "Name or id of the user." };
        var command = new Command("remove", "Delete a user (the row is kept with state deleted).") { userName };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var name = parseResult.GetRequiredValue(userName);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            await SiteActions.CallAsync(services, "user_delete", new JsonObject { ["id"] = name }, cancellationToken);

            await io.Output.WriteLineAsync("Deleted user: " + name);
            return 0;
        }));
        return command;
    }

    private static Command SetPassword(CommandIo io)
    {
        var userName = new Argument<string>("USERNAME") { Description = "Name or id of the user." };
        var password = new Option<string?>("--password", "-p")
        {
            Description = "The new password. Without it the password is asked for twice on a terminal.",
        };
        var command = new Command("setpass", "Set a user's password.") { userName, password };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var name = parseResult.GetRequiredValue(userName);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            var user = await SysadminCommand.FindUserAsync(services, name, cancellationToken);
            if (user is null)
            {
                await io.Error.WriteLineAsync("User not found!");
                return 1;
            }

            var newPassword = parseResult.GetValue(password);
            if (newPassword is null)
            {
                if (Console.IsInputRedirected)
                {
                    throw new CommandFailedException(
                        $"No new password for user \"{name}\". Pass it with -p PASSWORD, "
                        + "or run the command in a terminal to be asked.");
                }

                newPassword = UserCreation.PromptPassword(io, name);
            }

            await io.Output.WriteLineAsync("Editing user: " + DataDict.GetString(user, "name"));
            await ChangePasswordAsync(services, user, newPassword, cancellationToken);
            await io.Output.WriteLineAsync("Password updated!");
            return 0;
        }));
        return command;
    }

    private static async Task ChangePasswordAsync(
        CkanServices services,
        JsonObject user,
        string password,
        CancellationToken cancellationToken)
    {
        var name = DataDict.GetString(user, "name");
        var data = new JsonObject { ["id"] = DataDict.GetString(user, "id"), ["password"] = password };
        try
        {
            await SiteActions.CallAsync(services, "user_patch", data, cancellationToken);
        }
        catch (ValidationException error)
        {
            throw new CommandFailedException(
                $"Could not update user \"{name}\". {ValidationText.Describe(error.Errors)}", error);
        }
    }

    private static async Task<int> ListAsync(ParseResult parseResult, CommandIo io, CancellationToken cancellationToken)
    {
        using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);
        var result = await SiteActions.CallAsync(services, "user_list", new JsonObject(), cancellationToken);
        var users = (result as JsonArray ?? []).OfType<JsonObject>().ToList();

        await io.Output.WriteLineAsync("Users:");
        await io.Output.WriteLineAsync($"count = {users.Count}");
        foreach (var user in users)
        {
            var name = DataDict.GetString(user, "name");
            var displayName = DataDict.GetString(user, "display_name");
            var line = displayName is null || string.Equals(displayName, name, StringComparison.Ordinal)
                ? $"name={name}"
                : $"name={name} display={displayName}";
            await io.Output.WriteLineAsync(line);
        }

        return 0;
    }

    // Values are spelled as Python prints them (None, True, False), because CKAN's output shows its model's repr.
    private static string FormatValue(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "None",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
