using System.CommandLine;
using System.Globalization;
using Ckan.Web;

namespace Ckan.Cli.Commands;

/// <summary><c>ckan run</c>: serves the portal until interrupted.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(CommandIo io)
    {
        var host = new Option<string?>("--host", "-H")
        {
            Description = "Address to listen on (default ckan.devserver.host, else 127.0.0.1).",
        };
        var port = new Option<int?>("--port", "-p")
        {
            Description = "TCP port to listen on (default ckan.devserver.port, else 5000).",
        };
        var command = new Command("run", "Start the web server.") { host, port };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var runtime = CliRuntime.Load(parseResult);
            var config = runtime.Config;
            var address = parseResult.GetValue(host) ?? config.GetString("ckan.devserver.host", "127.0.0.1");
            var portNumber = parseResult.GetValue(port) ?? config.GetInt("ckan.devserver.port", 5000);
            var url = string.Create(CultureInfo.InvariantCulture, $"http://{FormatHost(address)}:{portNumber}");
            if (config.DataDirectory is not null)
            {
                await io.Output.WriteLineAsync($"No config file found: using the embedded default in {config.DataDirectory}");
            }

            var app = await CkanWebHost.BuildAsync(config, url, cancellationToken: cancellationToken);
            await app.RunAsync(cancellationToken);
            return 0;
        }));
        return command;
    }

    private static string FormatHost(string host) =>
        host == "localhost" ? "127.0.0.1" : host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
