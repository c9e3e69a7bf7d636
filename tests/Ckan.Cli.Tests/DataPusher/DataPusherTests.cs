using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ckan.Cli.Commands;
using Ckan.Web.Tests.Support;

namespace Ckan.Cli.Tests.DataPusher;

/// <summary>
/// Uploading a CSV resource loads it into the DataStore through the in-server job worker, as
/// <c>ckan run</c> hosts it, and a failed load keeps the previous table.
/// </summary>
public sealed class DataPusherTests
{
    [Fact]
    public async Task Uploaded_csv_lands_in_datastore()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var csv = Path.Combine(SharedData.RealDataFolder(), "csv", "co2-mm-mlo.csv");
        await using var portal = await StartAsync(cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var dataset = await CreateDatasetAsync(portal, cancellationToken);

        var created = await UploadAsync(portal, admin, "resource_create", "package_id", dataset,
            File.ReadAllBytes(csv), "co2-mm-mlo.csv", cancellationToken);
        var resourceId = created.Result!["id"]!.GetValue<string>();
        var status = await WaitForLoadAsync(portal, admin, resourceId, cancellationToken);
        var search = await portal.PostAsync("datastore_search",
            new JsonObject { ["resource_id"] = resourceId, ["limit"] = 1 }, admin.Token, cancellationToken);
        var resource = await portal.PostAsync("resource_show", new JsonObject { ["id"] = resourceId }, admin.Token,
            cancellationToken);

        Assert.Equal("complete", status["status"]!.GetValue<string>());
        Assert.Contains(status["task_info"]!["logs"]!.AsArray(),
            entry => entry!["message"]!.GetValue<string>().StartsWith("Successfully pushed 820 entries", StringComparison.Ordinal));
        Assert.Equal(820, search.Result!["total"]!.GetValue<int>());
        Assert.Contains(search.Result!["fields"]!.AsArray(), field => field!["id"]!.GetValue<string>() == "Date");
        Assert.True(resource.Result!["datastore_active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Failed_load_keeps_previous_table()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync(cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var dataset = await CreateDatasetAsync(portal, cancellationToken);
        var created = await UploadAsync(portal, admin, "resource_create", "package_id", dataset,
            "city,population\nLima,9751717\nQuito,2800388\n"u8.ToArray(), "cities.csv", cancellationToken);
        var resourceId = created.Result!["id"]!.GetValue<string>();
        await WaitForLoadAsync(portal, admin, resourceId, cancellationToken);

        await UploadAsync(portal, admin, "resource_update", "id", resourceId, "\n\n"u8.ToArray(), "blank.csv",
            cancellationToken);
        var status = await WaitForLoadAsync(portal, admin, resourceId, cancellationToken);
        var search = await portal.PostAsync("datastore_search", new JsonObject { ["resource_id"] = resourceId },
            admin.Token, cancellationToken);

        Assert.Equal("error", status["status"]!.GetValue<string>());
        Assert.Contains("blank.csv", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, search.Result!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Status_without_submission_is_not_found()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync(cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var dataset = await CreateDatasetAsync(portal, cancellationToken);
        var linked = await portal.PostAsync("resource_create",
            new JsonObject { ["package_id"] = dataset, ["url"] = "http://example.org/page.html", ["format"] = "HTML" },
            admin.Token, cancellationToken);

        var status = await portal.PostAsync("datapusher_status",
            new JsonObject { ["resource_id"] = linked.Result!["id"]!.GetValue<string>() }, admin.Token, cancellationToken);
        var missing = await portal.PostAsync("datapusher_submit", new JsonObject(), admin.Token, cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, status.Status);
        Assert.Equal(HttpStatusCode.Conflict, missing.Status);
        Assert.Equal("Missing value", missing.Error["resource_id"]![0]!.GetValue<string>());
    }

    private static Task<TestPortal> StartAsync(CancellationToken cancellationToken) =>
        TestPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.plugins"] = "datastore datapusher" },
            cancellationToken,
            RunCommand.AddJobWorker);

    private static async Task<string> CreateDatasetAsync(TestPortal portal, CancellationToken cancellationToken)
    {
        var organization = Names.Unique("org");
        await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var dataset = await portal.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = organization }, cancellationToken);
        return dataset!["id"]!.GetValue<string>();
    }

    private static async Task<ApiResponse> UploadAsync(
        TestPortal portal, TestUser user, string action, string key, string value, byte[] file, string fileName,
        CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(value), key },
            { new StringContent("CSV"), "format" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "upload", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/" + action) { Content = content };
        var response = await portal.SendAsync(request, user.Token, cancellationToken);
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        return response;
    }

    // The worker polls the queue, so the load ends a moment after the upload returns.
    private static async Task<JsonObject> WaitForLoadAsync(
        TestPortal portal, TestUser user, string resourceId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var status = await portal.PostAsync("datapusher_status", new JsonObject { ["resource_id"] = resourceId },
                user.Token, cancellationToken);
            if (status.Success && status.Result!["status"]!.GetValue<string>() is "complete" or "error")
            {
                return status.Result!.AsObject();
            }

            Assert.True(DateTime.UtcNow < deadline, "the load did not end within 90 s: " + status.Text);
            await Task.Delay(200, cancellationToken);
        }
    }
}
