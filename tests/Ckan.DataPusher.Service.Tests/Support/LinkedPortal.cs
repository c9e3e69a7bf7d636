using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Search;
using Ckan.Search.Lucene;
using Ckan.Storage;
using Ckan.Web.Tests.Support;

namespace Ckan.DataPusher.Service.Tests.Support;

/// <summary>
/// A portal with the DataStore and the DataPusher plugin whose <c>ckan.datapusher.url</c> points at a
/// DataPusher service, and a sysadmin whose API token is <c>ckan.datapusher.api_token</c>. The portal
/// listens on the port of its <c>ckan.site_url</c>, so the service can call it back.
/// </summary>
public sealed class LinkedPortal : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _catalogUrl;

    private LinkedPortal(TestPortal portal, TestUser admin, string folder, string catalogUrl, string siteUrl)
    {
        Portal = portal;
        Admin = admin;
        _folder = folder;
        _catalogUrl = catalogUrl;
        SiteUrl = siteUrl;
    }

    public TestPortal Portal { get; }

    /// <summary>The sysadmin whose token the DataPusher uses.</summary>
    public TestUser Admin { get; }

    public string SiteUrl { get; }

    /// <summary>
    /// Prepares the catalog with a sysadmin and token, then starts the portal pointing at
    /// <paramref name="dataPusherUrl"/>.
    /// </summary>
    public static async Task<LinkedPortal> StartAsync(string dataPusherUrl, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ckan-linked-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var catalogUrl = await TestCatalog.CreateAsync(folder, cancellationToken);
        var siteUrl = "http://127.0.0.1:" + FreePort();
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sqlalchemy.url"] = catalogUrl,
            ["ckan.site_url"] = siteUrl,
            ["ckan.storage_path"] = Path.Combine(folder, "storage"),
            ["ckan.plugins"] = "datastore datapusher",
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
        };

        var admin = await CreateSysadminAsync(options, cancellationToken);
        options["ckan.datapusher.url"] = dataPusherUrl;
        options["ckan.datapusher.api_token"] = admin.Token;
        var portal = await TestPortal.StartAsync(options, cancellationToken, listenUrl: siteUrl);
        return new LinkedPortal(portal, admin, folder, catalogUrl, siteUrl);
    }

    /// <summary>Returns a loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
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

    // The token must exist before the portal starts, because the portal reads it from its options, as
    // an operator runs `ckan user token add` before setting ckan.datapusher.api_token.
    private static async Task<TestUser> CreateSysadminAsync(
        IReadOnlyDictionary<string, string> options,
        CancellationToken cancellationToken)
    {
        var config = CkanConfig.FromOptions(options);
        var (store, migrator) = CatalogStoreFactory.Create(config);
        await migrator.UpgradeAsync(cancellationToken);
        var search = new LuceneSearchIndex(SearchIndexLocation.Resolve(config));
        using var services = new CkanServices(config, store, search);
        var name = Names.Unique("admin");
        await services.CallAsSiteAsync(
            "user_create",
            new JsonObject
            {
                ["name"] = name,
                ["email"] = name + "@example.org",
                ["password"] = "correct horse battery",
                ["sysadmin"] = true,
            },
            cancellationToken);
        var token = await services.CallAsSiteAsync(
            "api_token_create", new JsonObject { ["user"] = name, ["name"] = "datapusher" }, cancellationToken);
        return new TestUser(name, token!["token"]!.GetValue<string>());
    }
}
