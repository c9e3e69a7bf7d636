using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Cli.Commands;

/// <summary><c>ckan user token</c>: issues, lists and revokes API tokens.</summary>
public static class UserTokenCommand
{
    /// <summary>Builds the command with its add, list and revoke subcommands.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("token", "Manage API tokens.");
        command.Subcommands.Add(Add(io));
        command.Subcommands.Add(List(io));
        command.Subcommands.Add(Revoke(io));
        return command;
    }

    private static Command Add(CommandIo io)
    {
        var userName = new Argument<string>("USERNAME") { Description = "Name or id of the token's owner." };
        var tokenName = new Argument<string>("TOKEN_NAME") { Description = "A name that tells the tokens apart." };
        var fields = new Argument<string[]>("FIELD=VALUE")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Extra fields passed to api_token_create.",
        };
        var json = new Option<string?>("--json")
        {
            Description = "Extra fields for api_token_create as a JSON object, such as '{\"expires_in\": 30}'.",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the token." };
        var command = new Command("add", "Create an API token and print it once.")
        {
            userName,
            tokenName,
            fields,
            json,
            quiet,
        };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var owner = parseResult.GetRequiredValue(userName);
            var data = FieldArguments.Parse(parseResult.GetValue(fields) ?? []);
            MergeJson(data, parseResult.GetValue(json));
            data["user"] = owner;
            data["name"] = parseResult.GetRequiredValue(tokenName);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            JsonNode? result;
            try
            {
                result = await SiteActions.CallAsync(services, "api_token_create", data, cancellationToken);
            }
            catch (NotFoundException error)
            {
                throw new CommandFailedException(
                    $"User \"{owner}\" not found. Check the name with `ckan user list`.", error);
            }

            var token = result is JsonObject created ? DataDict.GetString(created, "token") : null;
            if (token is null)
            {
                throw new InvalidOperationException("api_token_create returned no token.");
            }

            if (!parseResult.GetValue(quiet))
            {
                await io.Output.WriteLineAsync("API Token created:");
                await io.Output.WriteAsync('\t');
            }

            await io.Output.WriteLineAsync(token);
            return 0;
        }));
        return command;
    }

    private static Command List(CommandIo io)
    {
        var userName = new Argument<string>("USERNAME") { Description = "Name or id of the tokens' owner." };
        var command = new Command("list", "List a user's API tokens with their ids and last use.") { userName };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var owner = parseResult.GetRequiredValue(userName);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            var data = new JsonObject { ["user_id"] = owner };
            var result = await SiteActions.CallAsync(services, "api_token_list", data, cancellationToken);
            var tokens = (result as JsonArray ?? []).OfType<JsonObject>().ToList();

            if (tokens.Count == 0)
            {
                await io.Output.WriteLineAsync("No tokens have been created for user yet");
                return 0;
            }

            await io.Output.WriteLineAsync("Tokens([id] name - lastAccess):");
            foreach (var token in tokens)
            {
                var lastAccess = FormatLastAccess(DataDict.GetString(token, "last_access"));
                await io.Output.WriteLineAsync(
                    $"\t[{DataDict.GetString(token, "id")}] {DataDict.GetString(token, "name")} - {lastAccess}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Revoke(CommandIo io)
    {
        var tokenId = new Argument<string>("ID") { Description = "Id of the token, as `user token list` prints it." };
        var command = new Command("revoke", "Revoke an API token.") { tokenId };
        command.SetAction((parseResult, cancellationToken) => SiteActions.GuardAsync(parseResult, io, async () =>
        {
            var id = parseResult.GetRequiredValue(tokenId);
            using var services = await CliRuntime.Load(parseResult).OpenCatalogAsync(cancellationToken);

            try
            {
                var data = new JsonObject { ["jti"] = id };
                await SiteActions.CallAsync(services, "api_token_revoke", data, cancellationToken);
            }
            catch (NotFoundException)
            {
                await io.Error.WriteLineAsync("API Token not found");
                return 1;
            }

            await io.Output.WriteLineAsync("API Token has been revoked");
            return 0;
        }));
        return command;
    }

    private static void MergeJson(JsonObject data, string? json)
    {
        if (json is null)
        {
            return;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            throw new CommandFailedException($"The --json value is not valid JSON: {error.Message}", error);
        }

        if (parsed is not JsonObject fields)
        {
            throw new CommandFailedException(
                "The --json value must be a JSON object, such as '{\"expires_in\": 30}'.");
        }

        foreach (var (key, value) in fields)
        {
            data[key] = value?.DeepClone();
        }
    }

    // CKAN prints the last access time to the second, but the action returns it with microseconds.
    private static string FormatLastAccess(string? isoTime)
    {
        if (string.IsNullOrEmpty(isoTime))
        {
            return "Never";
        }

        return DateTime.TryParse(isoTime, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : isoTime;
    }
}
