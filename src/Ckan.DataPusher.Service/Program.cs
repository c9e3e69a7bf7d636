using Ckan.DataPusher.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// `ckan-datapusher [--urls URLS]`: serves DataPusher's HTTP API until stopped. Settings come from the
// DATAPUSHER_* environment variables; the address from --urls, else ASPNETCORE_URLS, else port 8800.
ServiceSettings settings;
try
{
    settings = ServiceSettings.FromEnvironment();
}
catch (InvalidOperationException error)
{
    await Console.Error.WriteLineAsync("Error: " + error.Message);
    return 2;
}

var (hasUrls, givenUrls) = UrlsFromArguments(args);
string urls;
if (hasUrls)
{
    if (string.IsNullOrWhiteSpace(givenUrls))
    {
        await Console.Error.WriteLineAsync("Error: --urls needs a value, such as --urls http://127.0.0.1:8800");
        return 2;
    }

    urls = givenUrls;
}
else
{
    var fromEnvironment = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
    urls = string.IsNullOrWhiteSpace(fromEnvironment) ? ServiceSettings.DefaultUrls : fromEnvironment;
}

try
{
    var app = await DataPusherServiceHost.BuildAsync(settings, urls);
    await app.StartAsync();
    var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ckan.DataPusher.Service");
    ServiceLog.Started(logger, urls, settings.JobStorePath);
    await app.WaitForShutdownAsync();
    return 0;
}
catch (IOException error)
{
    await Console.Error.WriteLineAsync($"Error: cannot listen on {urls}: {error.Message}");
    return 1;
}
catch (Microsoft.Data.Sqlite.SqliteException error)
{
    await Console.Error.WriteLineAsync($"Error: cannot open the job store {settings.JobStorePath}: {error.Message}");
    return 1;
}

// Returns whether --urls was given and its value, which is null when the option ends the line.
static (bool Given, string? Value) UrlsFromArguments(string[] arguments)
{
    for (var index = 0; index < arguments.Length; index++)
    {
        if (arguments[index] == "--urls")
        {
            return (true, index + 1 < arguments.Length ? arguments[index + 1] : null);
        }

        if (arguments[index].StartsWith("--urls=", StringComparison.Ordinal))
        {
            return (true, arguments[index]["--urls=".Length..]);
        }
    }

    return (false, null);
}
