using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Cli.Commands;
using Ckan.Core.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Web.UiTests.Support;

/// <summary>
/// A portal on the embedded default in a temporary folder, served by Kestrel on a free loopback port,
/// with sign-up through the web form switched on, the DataStore and DataPusher plugins on and the
/// in-server job worker running, as <c>ckan run</c> starts it.
/// </summary>
public sealed class UiPortal : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UiPortal(WebApplication app, string folder, string address)
    {
        _app = app;
        Folder = folder;
        Address = address.TrimEnd('/');
        Services = app.Services.GetRequiredService<CkanServices>();
    }

    /// <summary>The base address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    /// <summary>The folder of this portal's catalog, index and keys.</summary>
    public string Folder { get; }

    public CkanServices Services { get; }

    /// <summary>Starts a portal; <paramref name="options"/> add or override ckan.ini options.</summary>
    public static async Task<UiPortal> StartAsync(
        IReadOnlyDictionary<string, string>? options = null,
        CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ckan-ui-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sqlalchemy.url"] = "sqlite:///" + Path.Combine(folder, "ckan.db"),
            ["ckan.site_url"] = "http://ckan.test",
            ["ckan.site_title"] = "Open Data Test",
            ["ckan.storage_path"] = Path.Combine(folder, "storage"),
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
            ["ckan.auth.create_user_via_web"] = "true",

            // As the embedded default, so uploaded tables load into the DataStore in-process.
            ["ckan.plugins"] = "datastore datapusher",
        };
        foreach (var (key, value) in options ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var config = CkanConfig.FromOptions(settings);
        var app = await CkanWebHost.BuildAsync(
            config,
            "http://127.0.0.1:0",
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                RunCommand.AddJobWorker(builder, config);
            },
            cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UiPortal(app, folder, address);
    }

    /// <summary>Runs an action in-process with authorization skipped, for arranging test data.</summary>
    public async Task<JsonNode?> ArrangeAsync(string action, JsonObject data, CancellationToken cancellationToken = default)
    {
        var definition = Services.Actions.Find(action) ?? throw new ArgumentException("Unknown action " + action);
        var result = await definition.Handler(new ActionContext(Services, null, ignoreAuth: true), data, cancellationToken);
        return result.ToNode();
    }

    /// <summary>
    /// Runs an action with authorization skipped and the file at <paramref name="filePath"/> as its
    /// <c>upload</c>, as a multipart API request would send it.
    /// </summary>
    public async Task<JsonNode?> ArrangeWithUploadAsync(
        string action,
        JsonObject data,
        string filePath,
        CancellationToken cancellationToken = default)
    {
        var definition = Services.Actions.Find(action) ?? throw new ArgumentException("Unknown action " + action);
        await using var content = File.OpenRead(filePath);
        using var upload = await Services.ResourceFiles!.StageAsync(
            content, Path.GetFileName(filePath), "text/csv", long.MaxValue, cancellationToken);
        var context = new ActionContext(Services, null, ignoreAuth: true) { Upload = upload };
        var result = await definition.Handler(context, data, cancellationToken);
        return result.ToNode();
    }

    /// <summary>Creates an active user with <paramref name="password"/> and returns its name.</summary>
    public async Task<string> CreateUserAsync(
        string password,
        bool sysadmin = false,
        CancellationToken cancellationToken = default)
    {
        var name = Names.Unique(sysadmin ? "sysadmin" : "user");
        await ArrangeAsync(
            "user_create",
            new JsonObject
            {
                ["name"] = name,
                ["email"] = name + "@example.org",
                ["password"] = password,
                ["fullname"] = "Test " + name,
                ["sysadmin"] = sysadmin,
            },
            cancellationToken);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the connection pool is left for the system's temp cleanup.
        }
    }
}
