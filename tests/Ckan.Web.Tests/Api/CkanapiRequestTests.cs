using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

/// <summary>
/// Replays the requests ckanapi 4.x makes for <c>load</c> and <c>dump</c>: JSON bodies with non-ASCII
/// escaped, posted to <c>/api/action/NAME</c> with the token in both header names it sends.
/// </summary>
public sealed class CkanapiRequestTests
{
    private static readonly JsonSerializerOptions AsciiJson = new() { Encoder = JavaScriptEncoder.Default };

    [Fact]
    public async Task Load_creates_then_updates_organization()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await TestPortal.StartAsync(cancellationToken: cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var name = Names.Unique("org");
        var record = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString().ToUpperInvariant(),
            ["name"] = name,
            ["title"] = "Banque du Canada | Bank of Canada",
            ["package_count"] = 2,
            ["num_followers"] = 0,
            ["display_name"] = "ignored",
            ["revision_id"] = Guid.NewGuid().ToString(),
        };

        var missing = await CallAsync(portal, "organization_show", ShowRequest(record), admin.Token, cancellationToken);
        var created = await CallAsync(portal, "organization_create", record, admin.Token, cancellationToken);
        var existing = await CallAsync(portal, "organization_show", ShowRequest(record), admin.Token, cancellationToken);
        var update = record.DeepClone().AsObject();
        update["users"] = existing.Result!["users"]!.DeepClone();
        update["title"] = "Bank of Canada";
        var updated = await CallAsync(portal, "organization_update", update, admin.Token, cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("Not Found Error", missing.Error["__type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(record["id"]!.GetValue<string>(), created.Result!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, existing.Status);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("Bank of Canada", updated.Result!["title"]!.GetValue<string>());
        Assert.Single(updated.Result!["users"]!.AsArray());
    }

    [Fact]
    public async Task Load_creates_then_updates_dataset_and_dump_reads_it_back()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await TestPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.auth.create_unowned_dataset"] = "true" }, cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var name = Names.Unique("dataset");
        var record = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = name,
            ["title"] = "臺灣地區降雨資料",
            ["notes"] = "Línea uno\u2028línea dos",
            ["tags"] = new JsonArray(new JsonObject { ["name"] = "氣象" }),
            ["resources"] = new JsonArray(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["url"] = "https://example.org/rain.csv",
                ["format"] = "CSV",
                ["encoding"] = "big5",
            }),
            ["num_resources"] = 1,
            ["metadata_modified"] = "2020-01-01T00:00:00",
        };

        var missing = await CallAsync(portal, "package_show", ShowRequest(record), admin.Token, cancellationToken);
        var created = await CallAsync(portal, "package_create", record, admin.Token, cancellationToken);
        var existing = await CallAsync(portal, "package_show", ShowRequest(record), admin.Token, cancellationToken);
        var updated = await CallAsync(portal, "package_update", record, admin.Token, cancellationToken);
        var names = await CallAsync(
            portal,
            "package_list",
            new JsonObject { ["include_private"] = false, ["include_drafts"] = false, ["include_deleted"] = false },
            admin.Token,
            cancellationToken);
        var dumped = await CallAsync(portal, "package_show", ShowRequest(record), admin.Token, cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.OK, existing.Status);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal([name], names.Result!.AsArray().Select(node => node!.GetValue<string>()));
        var result = dumped.Result!.AsObject();
        Assert.Equal("臺灣地區降雨資料", result["title"]!.GetValue<string>());
        Assert.Equal("Línea uno\u2028línea dos", result["notes"]!.GetValue<string>());
        Assert.Equal("氣象", result["tags"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("big5", result["resources"]![0]!["encoding"]!.GetValue<string>());
    }

    private static JsonObject ShowRequest(JsonObject record) => new()
    {
        ["id"] = record["id"]!.DeepClone(),
        ["include_datasets"] = false,
        ["include_password_hash"] = true,
        ["include_users"] = true,
    };

    private static Task<ApiResponse> CallAsync(
        TestPortal portal,
        string action,
        JsonObject data,
        string token,
        CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/action/" + action)
        {
            Content = new StringContent(JsonSerializer.Serialize(data, AsciiJson), Encoding.ASCII, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-CKAN-API-Key", token);
        request.Headers.TryAddWithoutValidation("User-Agent", "ckanapi/4.11 (+https://github.com/ckan/ckanapi)");
        return portal.SendAsync(request, token, cancellationToken);
    }
}
