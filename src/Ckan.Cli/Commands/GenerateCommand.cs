using System.CommandLine;
using Ckan.Core.Config;

namespace Ckan.Cli.Commands;

/// <summary><c>ckan generate</c>: writes new files, so far only a config file.</summary>
public static class GenerateCommand
{
    /// <summary>Builds the command with its <c>config</c> subcommand.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("generate", "Generate new files.");
        command.Subcommands.Add(Config(io));
        return command;
    }

    private static Command Config(CommandIo io)
    {
        var outputPath = new Argument<string>("OUTPUT_PATH") { Description = "Path of the new ini file." };
        var includePlugin = new Option<string[]>("--include-plugin", "-i")
        {
            Description = "Not supported: adding a plugin's option declarations. The file has core options only.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(
            "config",
            "Write a new ckan.ini with a SQLite catalog and uploads next to it and a random SECRET_KEY. "
            + "An existing file is left unchanged and is an error.")
        {
            outputPath,
            includePlugin,
        };
        command.SetAction((parseResult, _) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            if (parseResult.GetValue(includePlugin) is { Length: > 0 } plugins)
            {
                throw new NotSupportedException(
                    $"generate config -i {string.Join(", ", plugins)} is not supported: plugins declare no options "
                    + "here. Drop -i and add the plugin's options to the file by hand.");
            }

            var path = Path.GetFullPath(parseResult.GetRequiredValue(outputPath));
            ConfigTemplate.Write(path);

            await io.Output.WriteLineAsync("Wrote config file: " + path);
            return 0;
        }));
        return command;
    }
}
