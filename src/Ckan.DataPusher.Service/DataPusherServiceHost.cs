using System.Net.Security;
using Ckan.DataPusher.Service.Api;
using Ckan.DataPusher.Service.Jobs;
using Ckan.DataPusher.Service.Push;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher.Service;

/// <summary>
/// Builds the DataPusher service: Kestrel with the job API, the SQLite job store and the background worker.
/// Used by the program and by the tests.
/// </summary>
public static class DataPusherServiceHost
{
    // The time allowed for one Action API call or result post; a datastore_create of a chunk is the slowest.
    private static readonly TimeSpan PortalTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Creates the application listening on <paramref name="urls"/> (semicolon-separated, such as
    /// <c>http://127.0.0.1:8800</c>), with the job store initialized.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(
        ServiceSettings settings,
        string urls,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var store = new JobStore(settings.JobStorePath);
        await store.InitializeAsync(cancellationToken);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);

        var portalClient = CreatePortalClient(settings);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddSingleton(_ => portalClient);
        builder.Services.AddSingleton<ResourceDownloader>();
        builder.Services.AddSingleton<PushToDataStore>();
        builder.Services.AddHostedService<JobWorker>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(errorApp => errorApp.Run(async http =>
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("{\"error\": \"Internal server error\"}", http.RequestAborted);
        }));
        app.MapJobApi();
        return app;
    }

    private static HttpClient CreatePortalClient(ServiceSettings settings)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        if (!settings.SslVerify)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            };
        }

        return new HttpClient(handler) { Timeout = PortalTimeout };
    }
}
