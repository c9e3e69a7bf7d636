using System.CommandLine;
using Ckan.Core.Config;

namespace Ckan.Cli.Commands;

/// <summary>
/// <c>ckan config-tool</c>, which edits options of an ini file, and <c>ckan config</c>, which inspects the
/// effective configuration.
/// </summary>
public static class ConfigCommands
{
    private const string DefaultSection = "app:main";

    /// <summary>Builds <c>ckan config-tool CONFIG_FILE [-s SECTION] [-e] KEY=VALUE ...</c>.</summary>
    public static Command BuildConfigTool(CommandIo io)
    {
        var configFile = new Argument<string>("CONFIG_FILE") { Description = "The ini file to edit in place." };
        var options = new Argument<string[]>("KEY=VALUE")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Options to set. Values are written verbatim, so %(name)s references stay.",
        };
        var section = new Option<string>("--section", "-s")
        {
            Description = "Section to edit, without brackets.",
            DefaultValueFactory = _ => DefaultSection,
        };
        var edit = new Option<bool>("--edit", "-e")
        {
            Description = "Only change options that are already set in the section; fail on a new one.",
        };
        var mergeFile = new Option<string?>("--file", "-f")
        {
            Description = "Not supported: merging the options of another ini file. Pass them as KEY=VALUE.",
        };
        var command = new Command(
            "config-tool",
            "Set options in a CKAN config file, adding them or replacing their values and keeping comments.")
        {
            configFile,
            options,
            section,
            edit,
            mergeFile,
        };
        command.SetAction((parseResult, _) => CliRuntime.GuardAsync(parseResult, io, () =>
        {
            if (parseResult.GetValue(mergeFile) is { } file)
            {
                throw new NotSupportedException(
                    $"config-tool -f {file} is not supported: merging options from another ini file is not "
                    + "implemented. Pass the options as KEY=VALUE arguments.");
            }

            var pairs = ParseOptions(parseResult.GetValue(options) ?? []);
            ConfigFileEditor.SetOptions(
                parseResult.GetRequiredValue(configFile),
                parseResult.GetRequiredValue(section),
                pairs,
                parseResult.GetValue(edit));
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>Builds <c>ckan config</c> with its <c>show</c> subcommand.</summary>
    public static Command BuildConfig(CommandIo io)
    {
        var command = new Command(
            "config",
            "Inspect the configuration: `ckan config show` prints the effective options.");
        command.Subcommands.Add(Show(io));
        return command;
    }

    private static Command Show(CommandIo io)
    {
        var command = new Command(
            "show",
            "Print the effective options of [app:main] as `key = value`, sorted by key, after interpolation and "
            + "environment overrides. Secrets are printed as ***: SECRET_KEY, options whose name contains "
            + "secret, password, passwd, privatekey or private_key, options ending in api_token, apikey or "
            + "api_key, and the passwords in URLs.");
        command.SetAction((parseResult, _) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var options = CliRuntime.Load(parseResult).Config.Options;

            foreach (var (key, value) in options.OrderBy(option => option.Key, StringComparer.Ordinal))
            {
                var maskedValue = ConfigSecretMask.MaskValue(key, value).ReplaceLineEndings("\n    ");
                await io.Output.WriteLineAsync($"{key} = {maskedValue}".TrimEnd());
            }

            return 0;
        }));
        return command;
    }

    private static List<KeyValuePair<string, string>> ParseOptions(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            throw new CommandFailedException(
                "No options given. Pass one or more KEY=VALUE arguments after CONFIG_FILE.");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var argument in arguments)
        {
            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0)
            {
                throw new CommandFailedException(
                    $"Could not parse option: \"{argument}\" has no \"=\". Give each option as KEY=VALUE, "
                    + "for example ckan.site_url=https://data.example.org.");
            }

            pairs.Add(new(argument[..separator].Trim(), argument[(separator + 1)..]));
        }

        return pairs;
    }
}
