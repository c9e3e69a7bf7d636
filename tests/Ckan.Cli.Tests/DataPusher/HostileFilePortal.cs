using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ckan.Cli.Commands;
using Ckan.DataStore.Tests.Support;
using Ckan.Web.Tests.Support;

namespace Ckan.Cli.Tests.DataPusher;

/// <summary>
/// A portal with the DataStore on one backend, the DataPusher and the in-server worker. The hostile-file cases of
/// one class share it, and each case loads its own resource. <see cref="Portal"/> skips when the backend is missing.
/// </summary>
public abstract class HostileFilePortal : IAsyncLifetime
{
    private TestPortal? _portal;
    private TestUser? _admin;
    private string? _dataset;

    /// <summary>The running portal.</summary>
    public TestPortal Portal
    {
        get
        {
            if (_portal is null)
            {
                Assert.Skip("CKAN_TEST_POSTGRES is not set, so the PostgreSQL DataStore is not tested.");
            }

            return _portal;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var options = await BackendOptionsAsync(CancellationToken.None);
        if (options is null)
        {
            return;
        }

        options["ckan.plugins"] = "datastore datapusher";
        options["ckan.max_resource_size"] = "100";
        _portal = await TestPortal.StartAsync(options, CancellationToken.None, RunCommand.AddJobWorker);
        _admin = await _portal.CreateUserAsync(sysadmin: true, CancellationToken.None);
        var organization = Names.Unique("org");
        await _portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization });
        var dataset = await _portal.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = organization });
        _dataset = dataset!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Uploads <paramref name="bytes"/> as a new resource, or as the new file of <paramref name="resourceId"/>, waits
    /// for its load to end and returns the resource id with the final datapusher_status.
    /// </summary>
    public async Task<(string ResourceId, JsonObject Status)> LoadAsync(
        byte[] bytes, string fileName, string? resourceId, CancellationToken cancellationToken)
    {
        var portal = Portal;
        var previousJob = resourceId is null ? null : await JobIdAsync(resourceId, cancellationToken);
        var (action, key, value) = resourceId is null
            ? ("resource_create", "package_id", _dataset!)
            : ("resource_update", "id", resourceId);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(value), key },
            { new StringContent(Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant()), "format" },
        };
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "upload", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/" + action) { Content = content };
        var response = await portal.SendAsync(request, _admin!.Token, cancellationToken);
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        var id = response.Result!["id"]!.GetValue<string>();
        return (id, await WaitForLoadAsync(id, previousJob, cancellationToken));
    }

    /// <summary>Returns datastore_search of the resource with <paramref name="query"/> added, sorted by <c>_id</c>.</summary>
    public async Task<JsonObject> SearchAsync(string resourceId, JsonObject query, CancellationToken cancellationToken)
    {
        query["resource_id"] = resourceId;
        query["sort"] = "_id";
        var search = await Portal.PostAsync("datastore_search", query, _admin!.Token, cancellationToken);
        Assert.True(search.Success, search.Text);
        return search.Result!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        await DisposeBackendAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Returns the backend's ckan.ini options, or null when its server is unavailable.</summary>
    protected abstract Task<Dictionary<string, string>?> BackendOptionsAsync(CancellationToken cancellationToken);

    /// <summary>Releases what the backend made for the tests.</summary>
    protected abstract ValueTask DisposeBackendAsync();

    private async Task<string?> JobIdAsync(string resourceId, CancellationToken cancellationToken)
    {
        var status = await Portal.PostAsync("datapusher_status", new JsonObject { ["resource_id"] = resourceId },
            _admin!.Token, cancellationToken);
        return status.Success ? status.Result!["job_id"]?.GetValue<string>() : null;
    }

    // A replacement file queues a new job, so the wait is for that job's end, not the previous one's.
    private async Task<JsonObject> WaitForLoadAsync(string resourceId, string? previousJob, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = await Portal.PostAsync("datapusher_status", new JsonObject { ["resource_id"] = resourceId },
                _admin!.Token, cancellationToken);
            if (status.Success && status.Result!["status"]!.GetValue<string>() is "complete" or "error"
                && status.Result!["job_id"]?.GetValue<string>() != previousJob)
            {
                return status.Result!.AsObject();
            }

            Assert.True(DateTime.UtcNow < deadline, "the load did not end within 120 s: " + status.Text);
            await Task.Delay(200, cancellationToken);
        }
    }
}

/// <summary>The hostile-file portal on the embedded SQLite DataStore.</summary>
public sealed class SqliteHostileFilePortal : HostileFilePortal
{
    protected override Task<Dictionary<string, string>?> BackendOptionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Dictionary<string, string>?>(new Dictionary<string, string>(StringComparer.Ordinal));

    protected override ValueTask DisposeBackendAsync() => ValueTask.CompletedTask;
}

/// <summary>The hostile-file portal on a PostgreSQL DataStore database of its own.</summary>
public sealed class PostgresHostileFilePortal : HostileFilePortal
{
    private PostgresTestDatabase? _database;

    protected override async Task<Dictionary<string, string>?> BackendOptionsAsync(CancellationToken cancellationToken)
    {
        var adminUrl = PostgresTestDatabase.AdminUrl();
        if (adminUrl is null)
        {
            return null;
        }

        _database = await PostgresTestDatabase.CreateAsync(adminUrl, cancellationToken);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ckan.datastore.write_url"] = _database.WriteUrl,
            ["ckan.datastore.read_url"] = _database.ReadUrl,
        };
    }

    protected override async ValueTask DisposeBackendAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
