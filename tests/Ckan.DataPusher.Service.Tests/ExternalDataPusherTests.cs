using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ckan.Core.Config;
using Ckan.DataPusher.Service.Tests.Support;
using Ckan.Web.Tests.Support;

namespace Ckan.DataPusher.Service.Tests;

/// <summary>
/// The portal with <c>ckan.datapusher.url</c> set and the DataPusher service, both on Kestrel on loopback:
/// the portal posts jobs, the service loads files through the Action API and calls datapusher_hook.
/// </summary>
public sealed class ExternalDataPusherTests
{
    private const string CsvName = "co2-mm-mlo.csv";
    private const int CsvRows = 820;

    [Fact]
    public async Task Uploaded_csv_loads_through_service()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var csv = File.ReadAllBytes(Path.Combine(SharedData.RealDataFolder(), "csv", CsvName));
        await using var service = await TestService.StartAsync(cancellationToken);
        await using var site = await LinkedPortal.StartAsync(service.Url, cancellationToken);
        var dataset = await CreateDatasetAsync(site, cancellationToken);

        var resourceId = await UploadAsync(site, dataset, csv, CsvName, cancellationToken);
        var status = await WaitForEndAsync(site, resourceId, cancellationToken);
        var search = await site.Portal.PostAsync("datastore_search",
            new JsonObject { ["resource_id"] = resourceId, ["limit"] = 2 }, site.Admin.Token, cancellationToken);
        var resource = await site.Portal.PostAsync("resource_show", new JsonObject { ["id"] = resourceId },
            site.Admin.Token, cancellationToken);

        Assert.Equal("complete", status["status"]!.GetValue<string>());
        Assert.StartsWith(service.Url + "job/", status["job_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(status["job_key"]!.GetValue<string>()));
        Assert.Equal("complete", status["task_info"]!["status"]!.GetValue<string>());
        Assert.Contains(status["task_info"]!["logs"]!.AsArray(), entry => entry!["message"]!.GetValue<string>()
            .StartsWith($"Successfully pushed {CsvRows} entries", StringComparison.Ordinal));
        Assert.Equal(CsvRows, search.Result!["total"]!.GetValue<int>());
        Assert.Equal(2, search.Result!["records"]!.AsArray().Count);
        Assert.Contains(search.Result!["fields"]!.AsArray(), field => field!["id"]!.GetValue<string>() == "Date");
        Assert.True(resource.Result!["datastore_active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unchanged_hash_skips_load()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var csv = "city,population\nLima,9751717\nQuito,2800388\n"u8.ToArray();
        await using var service = await TestService.StartAsync(cancellationToken);
        await using var site = await LinkedPortal.StartAsync(service.Url, cancellationToken);
        var dataset = await CreateDatasetAsync(site, cancellationToken);
        var resourceId = await UploadAsync(site, dataset, csv, "cities.csv", cancellationToken);
        var first = await WaitForEndAsync(site, resourceId, cancellationToken);
        await site.Portal.PostAsync("resource_patch",
            new JsonObject { ["id"] = resourceId, ["hash"] = Convert.ToHexStringLower(MD5.HashData(csv)) },
            site.Admin.Token, cancellationToken);

        var submitted = await site.Portal.PostAsync(
            "datapusher_submit", new JsonObject { ["resource_id"] = resourceId }, site.Admin.Token, cancellationToken);
        var second = await WaitForEndAsync(site, resourceId, cancellationToken);
        var search = await site.Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = resourceId },
            site.Admin.Token, cancellationToken);

        Assert.True(submitted.Result!.GetValue<bool>());
        Assert.NotEqual(first["job_id"]!.GetValue<string>(), second["job_id"]!.GetValue<string>());
        Assert.Equal("complete", second["status"]!.GetValue<string>());
        Assert.Contains(second["task_info"]!["logs"]!.AsArray(), entry => entry!["message"]!.GetValue<string>()
            .StartsWith("The file hash hasn't changed", StringComparison.Ordinal));
        Assert.DoesNotContain(second["task_info"]!["logs"]!.AsArray(), entry => entry!["message"]!.GetValue<string>()
            .StartsWith("Successfully pushed", StringComparison.Ordinal));
        Assert.Equal(2, search.Result!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reload_keeps_field_info_and_type_override()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var csv = "office,staff\nLima,12\nQuito,3\n"u8.ToArray();
        await using var service = await TestService.StartAsync(cancellationToken);
        await using var site = await LinkedPortal.StartAsync(service.Url, cancellationToken);
        var dataset = await CreateDatasetAsync(site, cancellationToken);
        var resourceId = await UploadAsync(site, dataset, csv, "offices.csv", cancellationToken);
        await WaitForEndAsync(site, resourceId, cancellationToken);
        var loaded = await site.Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = resourceId },
            site.Admin.Token, cancellationToken);
        var firstType = TypeOf(loaded, "staff");
        var fields = new JsonArray(
            new JsonObject { ["id"] = "office", ["type"] = TypeOf(loaded, "office") },
            new JsonObject
            {
                ["id"] = "staff",
                ["type"] = firstType,
                ["info"] = new JsonObject { ["type_override"] = "text", ["notes"] = "Head count at year end" },
            });
        var edited = await site.Portal.PostAsync("datastore_create",
            new JsonObject { ["resource_id"] = resourceId, ["force"] = true, ["fields"] = fields },
            site.Admin.Token, cancellationToken);
        Assert.True(edited.Success, edited.Text);

        await site.Portal.PostAsync("datapusher_submit",
            new JsonObject { ["resource_id"] = resourceId, ["ignore_hash"] = true },
            site.Admin.Token,
            cancellationToken);
        var status = await WaitForEndAsync(site, resourceId, cancellationToken);
        var reloaded = await site.Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = resourceId },
            site.Admin.Token, cancellationToken);
        var staff = reloaded.Result!["fields"]!.AsArray().First(field => field!["id"]!.GetValue<string>() == "staff")!;

        Assert.Equal("complete", status["status"]!.GetValue<string>());
        Assert.NotEqual("text", firstType);
        Assert.Equal("text", staff["type"]!.GetValue<string>());
        Assert.Equal("Head count at year end", staff["info"]!["notes"]!.GetValue<string>());
        Assert.Contains(reloaded.Result!["records"]!.AsArray(), row => row!["staff"]!.GetValue<string>() == "12");
    }

    [Fact]
    public async Task Oversized_file_ends_in_error()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var csv = "city,population\nLima,9751717\nQuito,2800388\n"u8.ToArray();
        await using var service = await TestService.StartAsync(cancellationToken, maxContentLength: 16);
        await using var site = await LinkedPortal.StartAsync(service.Url, cancellationToken);
        var dataset = await CreateDatasetAsync(site, cancellationToken);

        var resourceId = await UploadAsync(site, dataset, csv, "cities.csv", cancellationToken);
        var status = await WaitForEndAsync(site, resourceId, cancellationToken);
        var search = await site.Portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = resourceId },
            site.Admin.Token, cancellationToken);

        Assert.Equal("error", status["status"]!.GetValue<string>());
        Assert.StartsWith(
            "Resource too large to download/process: ",
            status["task_info"]!["error"]!["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.StartsWith(
            "Resource too large", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, search.Status);
    }

    [Fact]
    public async Task Binary_xls_file_ends_in_error()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        byte[] workbook = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF];
        await using var service = await TestService.StartAsync(cancellationToken);
        await using var site = await LinkedPortal.StartAsync(service.Url, cancellationToken);
        var dataset = await CreateDatasetAsync(site, cancellationToken);

        var resourceId = await UploadAsync(site, dataset, workbook, "budget.xls", cancellationToken);
        var status = await WaitForEndAsync(site, resourceId, cancellationToken);

        Assert.Equal("error", status["status"]!.GetValue<string>());
        Assert.Contains(
            "old binary Office file (such as .xls)",
            status["task_info"]!["error"]!["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hook_resubmits_changed_resource()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var csv = "city,population\nLima,9751717\nQuito,2800388\n"u8.ToArray();
        await using var service = await TestService.StartAsync(cancellationToken);
        await using var site = await LinkedPortal.StartAsync(service.Url, cancellationToken);
        var dataset = await CreateDatasetAsync(site, cancellationToken);
        var resourceId = await UploadAsync(site, dataset, csv, "cities.csv", cancellationToken);
        var first = await WaitForEndAsync(site, resourceId, cancellationToken);

        // A job submitted before the upload's last_modified finished after it: the file changed meanwhile.
        var hook = await site.Portal.PostAsync("datapusher_hook",
            new JsonObject
            {
                ["status"] = "complete",
                ["metadata"] = new JsonObject
                {
                    ["resource_id"] = resourceId,
                    ["task_created"] = "2000-01-01 00:00:00.000000",
                },
            },
            site.Admin.Token, cancellationToken);
        var second = await WaitForEndAsync(site, resourceId, cancellationToken);

        Assert.True(hook.Success, hook.Text);
        Assert.Equal("complete", second["status"]!.GetValue<string>());
        Assert.NotEqual(first["job_id"]!.GetValue<string>(), second["job_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unreachable_service_sets_task_error()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var site = await LinkedPortal.StartAsync(
            "http://127.0.0.1:" + LinkedPortal.FreePort() + "/", cancellationToken);
        var dataset = await CreateDatasetAsync(site, cancellationToken);
        var resourceId = await UploadAsync(site, dataset, "a,b\n1,2\n"u8.ToArray(), "small.csv", cancellationToken);

        var submitted = await site.Portal.PostAsync(
            "datapusher_submit", new JsonObject { ["resource_id"] = resourceId }, site.Admin.Token, cancellationToken);
        var status = await site.Portal.PostAsync("datapusher_status", new JsonObject { ["resource_id"] = resourceId },
            site.Admin.Token, cancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, submitted.Status);
        Assert.Equal("Could not connect to DataPusher.", submitted.Error["message"]!.GetValue<string>());
        Assert.Equal("error", status.Result!["status"]!.GetValue<string>());
        Assert.Equal("Could not connect to DataPusher.", status.Result!["error"]!["message"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(status.Result!["error"]!["details"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Hook_needs_metadata_and_status()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var site = await LinkedPortal.StartAsync(
            "http://127.0.0.1:" + LinkedPortal.FreePort() + "/", cancellationToken);

        var hook = await site.Portal.PostAsync(
            "datapusher_hook", new JsonObject(), site.Admin.Token, cancellationToken);
        var anonymous = await site.Portal.PostAsync("datapusher_hook",
            new JsonObject { ["metadata"] = new JsonObject { ["resource_id"] = "x" }, ["status"] = "complete" },
            token: null, cancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, hook.Status);
        Assert.Equal("Missing value", hook.Error["metadata"]![0]!.GetValue<string>());
        Assert.Equal("Missing value", hook.Error["status"]![0]!.GetValue<string>());
        Assert.NotEqual(HttpStatusCode.OK, anonymous.Status);
    }

    [Fact]
    public async Task Portal_needs_api_token_with_url()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = new Dictionary<string, string>
        {
            ["ckan.plugins"] = "datastore datapusher",
            ["ckan.datapusher.url"] = "http://127.0.0.1:" + LinkedPortal.FreePort() + "/",
        };

        var error = await Assert.ThrowsAsync<ConfigException>(() => TestPortal.StartAsync(options, cancellationToken));

        Assert.Equal("Config option `ckan.datapusher.api_token` must be set to use the DataPusher.", error.Message);
    }

    private static string TypeOf(ApiResponse search, string fieldId) =>
        search.Result!["fields"]!.AsArray().First(field => field!["id"]!.GetValue<string>() == fieldId)!["type"]!
            .GetValue<string>();

    private static async Task<string> CreateDatasetAsync(LinkedPortal site, CancellationToken cancellationToken)
    {
        var organization = Names.Unique("org");
        await site.Portal.ArrangeAsync(
            "organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var dataset = await site.Portal.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = organization }, cancellationToken);
        return dataset!["id"]!.GetValue<string>();
    }

    private static async Task<string> UploadAsync(
        LinkedPortal site, string datasetId, byte[] file, string fileName, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(datasetId), "package_id" },
            { new StringContent("CSV"), "format" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "upload", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/resource_create")
        {
            Content = content,
        };
        var response = await site.Portal.SendAsync(request, site.Admin.Token, cancellationToken);
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        return response.Result!["id"]!.GetValue<string>();
    }

    // The service runs the job and calls the hook a moment after the upload returns.
    private static async Task<JsonObject> WaitForEndAsync(
        LinkedPortal site,
        string resourceId,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var request = new JsonObject { ["resource_id"] = resourceId };
            var status = await site.Portal.PostAsync("datapusher_status", request, site.Admin.Token, cancellationToken);
            if (status.Success && status.Result!["status"]!.GetValue<string>() is "complete" or "error")
            {
                return status.Result!.AsObject();
            }

            Assert.True(DateTime.UtcNow < deadline, "the load did not end within 90 s: " + status.Text);
            await Task.Delay(200, cancellationToken);
        }
    }
}
