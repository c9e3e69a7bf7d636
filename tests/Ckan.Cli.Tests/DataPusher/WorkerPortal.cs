using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Cli.Commands;
using Ckan.Web.Tests.Support;

namespace Ckan.Cli.Tests.DataPusher;

/// <summary>
/// A portal with the DataStore and DataPusher on and its in-server worker off, so the loads it queues wait for a
/// <c>ckan jobs worker</c> child process started on the same ckan.ini.
/// </summary>
public sealed class WorkerPortal : IAsyncDisposable
{
    private WorkerPortal(TestPortal portal, TestUser admin, string configPath, string dataset)
    {
        Portal = portal;
        Admin = admin;
        ConfigPath = configPath;
        Dataset = dataset;
    }

    public TestPortal Portal { get; }

    public TestUser Admin { get; }

    /// <summary>The ckan.ini with the portal's options, for worker processes.</summary>
    public string ConfigPath { get; }

    /// <summary>The id of a dataset made for the test.</summary>
    public string Dataset { get; }

    /// <summary>Starts the portal with <paramref name="options"/> added to the DataStore and DataPusher settings.</summary>
    public static async Task<WorkerPortal> StartAsync(
        IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(options, StringComparer.Ordinal)
        {
            ["ckan.plugins"] = "datastore datapusher",
            ["ckan.jobs.server_worker"] = "false",
            ["ckan.max_resource_size"] = "200",
        };
        var portal = await TestPortal.StartAsync(settings, cancellationToken, RunCommand.AddJobWorker);
        var ini = new StringBuilder("[app:main]\n");
        foreach (var (key, value) in portal.Services.Config.Options)
        {
            ini.Append(CultureInfo.InvariantCulture, $"{key} = {value}\n");
        }

        var configPath = Path.Combine(portal.Folder, "ckan.ini");
        await File.WriteAllTextAsync(configPath, ini.ToString(), cancellationToken);

        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var organization = Names.Unique("org");
        await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var dataset = await portal.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = organization }, cancellationToken);
        return new WorkerPortal(portal, admin, configPath, dataset!["id"]!.GetValue<string>());
    }

    /// <summary>Uploads a CSV file as a new resource, or as the file of <paramref name="resourceId"/>; returns the id.</summary>
    public async Task<string> UploadAsync(
        string path, string? resourceId, CancellationToken cancellationToken)
    {
        var (action, key, value) = resourceId is null
            ? ("resource_create", "package_id", Dataset)
            : ("resource_update", "id", resourceId);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(value), key },
            { new StringContent("CSV"), "format" },
        };
        var part = new StreamContent(File.OpenRead(path));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "upload", Path.GetFileName(path));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/" + action) { Content = content };
        var response = await Portal.SendAsync(request, Admin.Token, cancellationToken);
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        return response.Result!["id"]!.GetValue<string>();
    }

    /// <summary>Returns the result of datapusher_status.</summary>
    public async Task<JsonObject> StatusAsync(string resourceId, CancellationToken cancellationToken)
    {
        var status = await Portal.PostAsync("datapusher_status", new JsonObject { ["resource_id"] = resourceId },
            Admin.Token, cancellationToken);
        Assert.True(status.Success, status.Text);
        return status.Result!.AsObject();
    }

    /// <summary>Returns the result of datastore_search with one row.</summary>
    public async Task<JsonObject> SearchAsync(string resourceId, CancellationToken cancellationToken)
    {
        var search = await Portal.PostAsync("datastore_search",
            new JsonObject { ["resource_id"] = resourceId, ["limit"] = 1 }, Admin.Token, cancellationToken);
        Assert.True(search.Success, search.Text);
        return search.Result!.AsObject();
    }

    /// <summary>Starts <c>ckan jobs worker</c> on this portal's ckan.ini as its own process.</summary>
    public Process StartWorker(bool burst) => StartWorker(burst, readOutput: true);

    /// <summary>Runs a burst worker to its end and fails the test, with its output, when it exits with an error.</summary>
    public async Task RunBurstWorkerAsync(CancellationToken cancellationToken)
    {
        using var worker = StartWorker(burst: true, readOutput: false);
        var output = worker.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = worker.StandardError.ReadToEndAsync(cancellationToken);
        await worker.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(180), cancellationToken);
        Assert.True(worker.ExitCode == 0, $"the worker exited with {worker.ExitCode}: {await error}\n{await output}");
    }

    private Process StartWorker(bool burst, bool readOutput)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ckan.dll"), "-c", ConfigPath, "jobs", "worker" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (burst)
        {
            start.ArgumentList.Add("--burst");
        }

        var process = Process.Start(start)!;
        if (readOutput)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    public ValueTask DisposeAsync() => Portal.DisposeAsync();
}
