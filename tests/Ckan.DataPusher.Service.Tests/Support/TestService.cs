using Ckan.DataPusher.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher.Service.Tests.Support;

/// <summary>The DataPusher service on a free loopback port, with its job store in a temporary folder.</summary>
public sealed class TestService : IAsyncDisposable
{
    public const string SecretKey = "test-secret-key";

    private readonly WebApplication _app;
    private readonly string _folder;

    private TestService(WebApplication app, string folder, string url)
    {
        _app = app;
        _folder = folder;
        Url = url;
        Client = new HttpClient { BaseAddress = new Uri(url) };
    }

    /// <summary>The service's base URL with a trailing slash, as ckan.datapusher.url takes it.</summary>
    public string Url { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Starts the service with a short resource_show retry delay and, when given, a download size limit
    /// of <paramref name="maxContentLength"/> bytes.
    /// </summary>
    public static async Task<TestService> StartAsync(CancellationToken cancellationToken, long? maxContentLength = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ckan-datapusher-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new ServiceSettings
        {
            JobStorePath = Path.Combine(folder, "jobs.db"),
            TempFolder = Path.Combine(folder, "downloads"),
            SecretKey = SecretKey,
            RetryDelay = TimeSpan.FromMilliseconds(200),
        };
        if (maxContentLength is { } limit)
        {
            settings = settings with { MaxContentLength = limit };
        }

        var app = await DataPusherServiceHost.BuildAsync(
            settings,
            "http://127.0.0.1:0",
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning),
            cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestService(app, folder, address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the system's temp cleanup.
        }
    }
}
