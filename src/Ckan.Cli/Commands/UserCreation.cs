using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Cli.Commands;

/// <summary>
/// Creates a user with user_create for <c>user add</c> and <c>sysadmin add</c>. On a terminal a missing
/// email or password is asked for. Without a terminal it is an error that names the field.
/// </summary>
internal static class UserCreation
{
    private const int MaxPasswordAttempts = 3;

    /// <summary>
    /// Creates the user <paramref name="userName"/> from the parsed <c>FIELD=VALUE</c> arguments, prints
    /// <c>Successfully created user: NAME</c> and returns the new user's dictionary.
    /// </summary>
    /// <exception cref="CommandFailedException">
    /// A field conflicts with the user name, a required field is missing without a terminal to ask on, or
    /// user_create rejected the input. The message names the fields.
    /// </exception>
    public static async Task<JsonObject> CreateAsync(
        CkanServices services,
        CommandIo io,
        string userName,
        JsonObject fields,
        bool sysadmin,
        CancellationToken cancellationToken)
    {
        var data = BuildInput(io, userName, fields);
        if (sysadmin)
        {
            data["sysadmin"] = true;
        }

        JsonNode? created;
        try
        {
            created = await SiteActions.CallAsync(services, "user_create", data, cancellationToken);
        }
        catch (ValidationException error)
        {
            throw new CommandFailedException(
                $"Could not create user \"{userName}\". {ValidationText.Describe(error.Errors)}", error);
        }

        var user = created as JsonObject ?? new JsonObject();
        var name = DataDict.GetString(user, "name") ?? userName;
        await io.Output.WriteLineAsync("Successfully created user: " + name);
        return user;
    }

    private static JsonObject BuildInput(CommandIo io, string userName, JsonObject fields)
    {
        var data = (JsonObject)fields.DeepClone();
        var givenName = DataDict.GetString(data, "name");
        if (givenName is not null && !string.Equals(givenName, userName, StringComparison.Ordinal))
        {
            throw new CommandFailedException(
                $"The field name={givenName} differs from the user name \"{userName}\". "
                + "Give the user name once, as the USERNAME argument.");
        }

        data["name"] = userName;
        var canPrompt = !Console.IsInputRedirected;
        if (IsMissing(data, "email") && canPrompt)
        {
            data["email"] = PromptEmail(io);
        }

        if (IsMissing(data, "password") && IsMissing(data, "password_hash") && canPrompt)
        {
            data["password"] = PromptPassword(io, userName);
        }

        RequireFields(data, userName);
        return data;
    }

    private static void RequireFields(JsonObject data, string userName)
    {
        var missing = new List<string>();
        if (IsMissing(data, "email"))
        {
            missing.Add("email");
        }

        if (IsMissing(data, "password") && IsMissing(data, "password_hash"))
        {
            missing.Add("password");
        }

        if (missing.Count == 0)
        {
            return;
        }

        var names = string.Join(" and ", missing);
        var example = string.Join(
            " ",
            missing.Select(field => field == "email" ? "email=ADDRESS" : "password=PASSWORD"));
        throw new CommandFailedException(
            $"Missing {names} for user \"{userName}\". Add {example} to the command, "
            + "or run it in a terminal to be asked.");
    }

    private static bool IsMissing(JsonObject data, string field) =>
        string.IsNullOrEmpty(DataDict.GetString(data, field));

    private static string PromptEmail(CommandIo io)
    {
        io.Output.Write("Email address: ");
        return Console.In.ReadLine()?.Trim() ?? "";
    }

    /// <summary>Asks on the terminal for a new password twice, allowing three attempts to type it the same.</summary>
    /// <exception cref="CommandFailedException">The two entries differed on every attempt.</exception>
    public static string PromptPassword(CommandIo io, string userName)
    {
        for (var attempt = 0; attempt < MaxPasswordAttempts; attempt++)
        {
            var password = Prompts.ReadNewPassword(io);
            if (password is not null)
            {
                return password;
            }
        }

        throw new CommandFailedException(
            $"No password set for user \"{userName}\" because the two entered values differed "
            + $"{MaxPasswordAttempts} times. Run the command again, or add password=PASSWORD.");
    }
}
