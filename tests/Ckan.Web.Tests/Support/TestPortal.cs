using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Web.Tests.Support;

/// <summary>
/// A portal on the embedded default in a temporary folder, served by Kestrel on a free loopback port,
/// with an HTTP client and helpers to call actions as anonymous, a user or a sysadmin. The catalog is
/// SQLite, or PostgreSQL when the run selects it (see <see cref="TestCatalog"/>).
/// </summary>
public sealed class TestPortal : IAsyncDisposable
{
    public const string SiteUrl = "http://ckan.test";

    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly string _catalogUrl;

    private TestPortal(WebApplication app, string folder, string catalogUrl, HttpClient client)
    {
        _app = app;
        _folder = folder;
        _catalogUrl = catalogUrl;
        Client = client;
        Services = app.Services.GetRequiredService<CkanServices>();
    }

    public HttpClient Client { get; }
    public CkanServices Services { get; }

    /// <summary>The application's services, for tests that reach a component directly.</summary>
    public IServiceProvider AppServices => _app.Services;

    /// <summary>The folder holding this portal's database and files.</summary>
    public string Folder => _folder;

    /// <summary>
    /// Starts a portal; <paramref name="options"/> add or override ckan.ini options,
    /// <paramref name="configure"/> adds services to the host, such as a job worker, and
    /// <paramref name="listenUrl"/> sets the address, a free loopback port unless given.
    /// </summary>
    public static async Task<TestPortal> StartAsync(
        IReadOnlyDictionary<string, string>? options = null,
        CancellationToken cancellationToken = default,
        Action<WebApplicationBuilder, CkanConfig>? configure = null,
        string listenUrl = "http://127.0.0.1:0")
    {
        var folder = Path.Combine(Path.GetTempPath(), "ckan-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var catalogUrl = await TestCatalog.CreateAsync(folder, cancellationToken);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sqlalchemy.url"] = catalogUrl,
            ["ckan.site_url"] = SiteUrl,
            ["ckan.storage_path"] = Path.Combine(folder, "storage"),
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
        };
        foreach (var (key, value) in options ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        WebApplication app;
        var config = CkanConfig.FromOptions(settings);
        try
        {
            app = await CkanWebHost.BuildAsync(
                config,
                listenUrl,
                builder =>
                {
                    builder.Logging.SetMinimumLevel(LogLevel.Warning);
                    configure?.Invoke(builder, config);
                },
                cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await TestCatalog.DropAsync(catalogUrl);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new TestPortal(app, folder, catalogUrl, client);
    }

    /// <summary>Runs an action in-process with authorization skipped, for arranging test data.</summary>
    public Task<JsonNode?> ArrangeAsync(string action, JsonObject data, CancellationToken cancellationToken = default) =>
        Services.CallAsSiteAsync(action, data, cancellationToken);

    /// <summary>Creates a user and an API token for it, returning the user's name and the token.</summary>
    public async Task<TestUser> CreateUserAsync(bool sysadmin = false, CancellationToken cancellationToken = default)
    {
        var name = Names.Unique(sysadmin ? "admin" : "user");
        await ArrangeAsync(
            "user_create",
            new JsonObject
            {
                ["name"] = name,
                ["email"] = name + "@example.org",
                ["password"] = "correct horse battery",
                ["sysadmin"] = sysadmin,
            },
            cancellationToken);
        var token = await ArrangeAsync("api_token_create", new JsonObject { ["user"] = name, ["name"] = "test" }, cancellationToken);
        return new TestUser(name, token!["token"]!.GetValue<string>());
    }

    /// <summary>Posts JSON to an action and returns the status code and the parsed body.</summary>
    public async Task<ApiResponse> PostAsync(
        string action,
        JsonObject? data = null,
        string? token = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/" + action)
        {
            Content = new StringContent((data ?? new JsonObject()).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token, cancellationToken);
    }

    /// <summary>Calls an action with GET and a query string.</summary>
    public async Task<ApiResponse> GetAsync(string pathAndQuery, string? token = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        return await SendAsync(request, token, cancellationToken);
    }

    /// <summary>Sends a prepared request, adding the token header when given.</summary>
    public async Task<ApiResponse> SendAsync(HttpRequestMessage request, string? token, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        using var response = await Client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ApiResponse(response.StatusCode, text, response.Content.Headers.ContentType);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await TestCatalog.DropAsync(_catalogUrl);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the pool is left for the system's temp cleanup.
        }
    }
}

/// <summary>A user made for a test, with an API token.</summary>
public sealed record TestUser(string Name, string Token);

/// <summary>An HTTP response from the portal with its body parsed as JSON when possible.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Text, MediaTypeHeaderValue? ContentType)
{
    /// <summary>The body as JSON.</summary>
    public JsonNode? Json => JsonNode.Parse(Text);

    /// <summary>The envelope's <c>result</c>.</summary>
    public JsonNode? Result => Json?["result"];

    /// <summary>The envelope's <c>error</c> object.</summary>
    public JsonObject Error => Json?["error"]?.AsObject() ?? throw new InvalidOperationException("No error in: " + Text);

    /// <summary>Whether the envelope reports success.</summary>
    public bool Success => Json?["success"]?.GetValue<bool>() == true;
}
