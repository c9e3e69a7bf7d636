using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ckan.Core.Config;
using Ckan.Jobs;
using Microsoft.AspNetCore.Builder;
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
            if (portNumber is < 1 or > 65535)
            {
                await io.Error.WriteLineAsync($"Error: port {portNumber} is outside 1-65535.");
                return 1;
            }

            var ip = await ResolveAsync(address, cancellationToken);
            if (ip is null)
            {
                await io.Error.WriteLineAsync($"Error: host \"{address}\" is not an IP address and does not resolve to one.");
                return 1;
            }

            var url = string.Create(CultureInfo.InvariantCulture, $"http://{FormatHost(ip)}:{portNumber}");
            if (config.DataDirectory is not null)
            {
                await io.Output.WriteLineAsync($"No config file found: using the embedded default in {config.DataDirectory}");

                // The embedded default has no site URL of its own: it is wherever this server listens.
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CKAN_SITE_URL")))
                {
                    config = config.With("ckan.site_url", url);
                }
            }

            var app = await CkanWebHost.BuildAsync(
                config,
                url,
                builder => AddJobWorker(builder, config),
                cancellationToken);
            await app.RunAsync(cancellationToken);
            return 0;
        }));
        return command;
    }

    /// <summary>Adds the job queue and, unless turned off, the in-server worker to a portal being built.</summary>
    public static void AddJobWorker(WebApplicationBuilder builder, CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(builder);

        JobWorkerService.AddTo(builder.Services, config, provider => JobsCommand.CreateHandlers(provider));
    }

    // Kestrel listens on every interface for a host name it cannot parse, so names are resolved here
    // and the server binds the address they stand for, as CKAN's development server does.
    private static async Task<IPAddress?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault();
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static string FormatHost(IPAddress ip) =>
        ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
}
