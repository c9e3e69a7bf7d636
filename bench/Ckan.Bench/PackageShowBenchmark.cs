using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ckan.Bench;

/// <summary>
/// Measures package_show throughput over HTTP with wrk, beside a bare endpoint in the same process that
/// returns the very same bytes without any portal code, and prints both with their ratio.
/// </summary>
public static class PackageShowBenchmark
{
    private const int Port = 5077;

    /// <summary>Runs the benchmark; arguments: [dataset jsonl file] [seconds] [connections].</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var datasetFile = args.Length > 0 && args[0].Length > 0 ? args[0] : FindDefaultDataset();
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
        var folder = Path.Combine(Path.GetTempPath(), "ckan-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return await RunInFolderAsync(folder, datasetFile, seconds, connections);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunInFolderAsync(string folder, string datasetFile, int seconds, int connections)
    {
        var config = CkanConfig.FromOptions(new Dictionary<string, string>
        {
            ["sqlalchemy.url"] = "sqlite:///" + Path.Combine(folder, "ckan.db"),
            ["ckan.site_url"] = $"http://127.0.0.1:{Port}",
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
            ["ckan.auth.create_unowned_dataset"] = "true",
        });
        byte[] bareBody = [];
        var app = await CkanWebHost.BuildAsync(config, $"http://127.0.0.1:{Port}", builder =>
            builder.Logging.SetMinimumLevel(LogLevel.Warning));
        app.MapGet("/bench/bare", async (HttpContext http) =>
        {
            http.Response.ContentType = "application/json;charset=utf-8";
            http.Response.ContentLength = bareBody.Length;
            await http.Response.Body.WriteAsync(bareBody, http.RequestAborted);
        });
        await app.StartAsync();

        var name = await LoadDatasetAsync(app.Services.GetRequiredService<CkanServices>(), datasetFile);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        var showPath = "/api/3/action/package_show?id=" + name;
        bareBody = await client.GetByteArrayAsync(showPath);

        Console.WriteLine($"dataset {name}: {bareBody.Length} bytes per response; wrk {seconds}s, {connections} connections");
        await RunWrkAsync(showPath, 3, connections);
        var show = await RunWrkAsync(showPath, seconds, connections);
        await RunWrkAsync("/bench/bare", 3, connections);
        var bare = await RunWrkAsync("/bench/bare", seconds, connections);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"package_show  {show,10:F0} req/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare endpoint {bare,10:F0} req/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio package_show / bare = {show / bare:F2}"));
        await app.StopAsync();
        return 0;
    }

    private static async Task<string> LoadDatasetAsync(CkanServices services, string datasetFile)
    {
        var dataset = JsonNode.Parse(File.ReadLines(datasetFile).First())!.AsObject();
        dataset.Remove("owner_org");
        dataset.Remove("organization");
        dataset.Remove("groups");
        var context = new ActionContext(services, null, ignoreAuth: true);
        var action = services.Actions.Find("package_create")!;
        await action.Handler(context, dataset, CancellationToken.None);
        return dataset["name"]!.GetValue<string>();
    }

    private static async Task<double> RunWrkAsync(string path, int seconds, int connections)
    {
        var start = new ProcessStartInfo("wrk")
        {
            ArgumentList =
            {
                "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture),
                "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s",
                $"http://127.0.0.1:{Port}{path}",
            },
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("wrk could not be started; install it with apt-get install wrk.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Requests/sec:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk printed no Requests/sec line:\n" + output);
        if (output.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("wrk saw error responses:\n" + output);
        }

        return double.Parse(line["Requests/sec:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    private static string FindDefaultDataset()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ckan.slnx")))
        {
            directory = directory.Parent;
        }

        var file = directory?.Parent is null
            ? null
            : Path.Combine(directory.Parent.FullName, "shared", "data", "real", "datasets", "data.sandiegodata.org.jsonl");
        return file is not null && File.Exists(file)
            ? file
            : throw new FileNotFoundException("Pass a dataset .jsonl file: ../shared/data/real was not found.");
    }
}
