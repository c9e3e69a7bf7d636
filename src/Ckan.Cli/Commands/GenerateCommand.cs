using System.CommandLine;
using Ckan.Cli.Generation;
using Ckan.Core.Config;

namespace Ckan.Cli.Commands;

/// <summary><c>ckan generate</c>: writes a new config file or a new extension project.</summary>
public static class GenerateCommand
{
    /// <summary>Builds the command with its <c>config</c> and <c>extension</c> subcommands.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("generate", "Generate new files.");
        command.Subcommands.Add(Config(io));
        command.Subcommands.Add(Extension(io));
        return command;
    }

    private static Command Extension(CommandIo io)
    {
        var name = new Argument<string>("NAME")
        {
            Description = "Plugin name as listed in ckan.plugins: lower-case letters, digits and '_', such as my_theme.",
        };
        var output = new Option<string?>("--output-dir", "-o") { Description = "Folder to create the project in; defaults to the current one." };
        var command = new Command(
            "extension",
            "Create a plugin project (ckanext-NAME) with one action, one page and a test that runs them on a portal.")
        {
            name,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var pluginName = parseResult.GetRequiredValue(name);
            if (!IsPluginName(pluginName))
            {
                throw new CommandFailedException(
                    $"Invalid extension name \"{pluginName}\": use lower-case letters, digits and '_', starting with a letter.");
            }

            var folder = Path.GetFullPath(Path.Combine(parseResult.GetValue(output) ?? ".", "ckanext-" + pluginName));
            if (Path.Exists(folder))
            {
                throw new CommandFailedException($"{folder} already exists; choose another name or output folder.");
            }

            foreach (var (relativePath, content) in ExtensionTemplate.Files(pluginName, AppContext.BaseDirectory.TrimEnd('/')))
            {
                var path = Path.Combine(folder, relativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, content, cancellationToken);
            }

            await io.Output.WriteLineAsync("Wrote extension project: " + folder);
            return 0;
        }));
        return command;
    }

    private static bool IsPluginName(string name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

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
