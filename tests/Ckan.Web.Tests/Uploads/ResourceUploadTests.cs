using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Uploads;

public sealed class ResourceUploadTests
{
    private const string CsvText = "a,b\n1,2\n";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_stores_file_in_ckan_layout()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());

        var response = await UploadAsync(portal, admin, "resource_create", dataset, "My Data.CSV", CsvText);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var resource = response.Result!.AsObject();
        var id = resource["id"]!.GetValue<string>();
        var datasetId = dataset["id"]!.GetValue<string>();
        Assert.Equal($"{TestPortal.SiteUrl}/dataset/{datasetId}/resource/{id}/download/my-data.csv", Text(resource, "url"));
        Assert.Equal("upload", Text(resource, "url_type"));
        Assert.Equal("text/csv", Text(resource, "mimetype"));
        Assert.Equal(CsvText.Length, resource["size"]!.GetValue<long>());
        Assert.Equal("CSV", Text(resource, "format"));
        Assert.NotNull(resource["last_modified"]);
        var stored = Path.Combine(portal.Folder, "storage", "resources", id[..3], id[3..6], id[6..]);
        Assert.Equal(CsvText, await File.ReadAllTextAsync(stored, CancellationToken));
    }

    [Fact]
    public async Task Download_sends_file_with_media_type()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());
        var created = await UploadAsync(portal, admin, "resource_create", dataset, "data.csv", CsvText);
        var url = new Uri(Text(created.Result!.AsObject(), "url"));

        using var named = await portal.Client.GetAsync(url.AbsolutePath, CancellationToken);
        using var bare = await portal.Client.GetAsync(
            url.AbsolutePath[..url.AbsolutePath.LastIndexOf('/')], CancellationToken);

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("text/csv", named.Content.Headers.ContentType!.MediaType);
        Assert.Equal(CsvText, await named.Content.ReadAsStringAsync(CancellationToken));
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal(CsvText, await bare.Content.ReadAsStringAsync(CancellationToken));
    }

    [Fact]
    public async Task Download_redirects_for_linked_resource()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var dataset = await NewDatasetAsync(
            portal,
            new JsonObject { ["resources"] = new JsonArray(new JsonObject { ["url"] = "http://example.org/x.csv" }) });
        var resourceId = dataset["resources"]![0]!["id"]!.GetValue<string>();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = portal.Client.BaseAddress,
        };

        using var response = await client.GetAsync(
            $"/dataset/{dataset["id"]}/resource/{resourceId}/download", CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://example.org/x.csv", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Download_returns_not_found_for_unknown_resource()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());

        using var response = await portal.Client.GetAsync(
            $"/dataset/{dataset["id"]}/resource/{Guid.NewGuid()}/download/x.csv", CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_of_private_dataset_needs_read_rights()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            new JsonObject { ["owner_org"] = org, ["private"] = true }, CancellationToken);
        var created = await UploadAsync(portal, admin, "resource_create", dataset, "secret.csv", CsvText);
        var path = new Uri(Text(created.Result!.AsObject(), "url")).AbsolutePath;

        using var anonymous = await portal.Client.GetAsync(path, CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", admin.Token);
        using var authorized = await portal.Client.SendAsync(request, CancellationToken);

        Assert.True(anonymous.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    [Fact]
    public async Task Upload_over_max_resource_size_is_rejected()
    {
        var options = new Dictionary<string, string> { ["ckan.max_resource_size"] = "1" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());
        var content = new string('x', 1024 * 1024 + 1);

        var response = await UploadAsync(portal, admin, "resource_create", dataset, "big.csv", content);

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        Assert.Equal("File upload too large", error["upload"]![0]!.GetValue<string>());
        var shown = await portal.ArrangeAsync("package_show", new JsonObject { ["id"] = dataset["id"]!.DeepClone() }, CancellationToken);
        Assert.Empty(shown!["resources"]!.AsArray());
        Assert.Empty(StoredFiles(portal));
    }

    [Fact]
    public async Task Upload_of_exactly_max_resource_size_is_stored()
    {
        var options = new Dictionary<string, string> { ["ckan.max_resource_size"] = "1" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());

        var response = await UploadAsync(
            portal, admin, "resource_create", dataset, "edge.csv", new string('x', 1024 * 1024));

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(1024 * 1024, response.Result!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Upload_larger_than_kestrel_default_limit_is_stored()
    {
        var options = new Dictionary<string, string> { ["ckan.max_resource_size"] = "40" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());
        var length = 31L * 1024 * 1024;

        var response = await UploadStreamAsync(
            portal, admin, "resource_create", dataset, "large.bin", new RepeatingStream(length));

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(length, response.Result!["size"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("../../../../etc/passwd", "passwd")]
    [InlineData("/etc/shadow", "shadow")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("..", ".._")]
    public async Task Upload_file_name_cannot_leave_storage(string fileName, string expected)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());

        var response = await UploadAsync(portal, admin, "resource_create", dataset, fileName, CsvText);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var url = Text(response.Result!.AsObject(), "url");
        Assert.EndsWith("/download/" + expected, url, StringComparison.Ordinal);
        var files = StoredFiles(portal);
        var only = Assert.Single(files);
        Assert.StartsWith(Path.Combine(portal.Folder, "storage", "resources"), only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_with_very_long_name_is_cut_to_100_characters()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());

        var response = await UploadAsync(
            portal, admin, "resource_create", dataset, new string('a', 5000) + ".csv", CsvText);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var url = Text(response.Result!.AsObject(), "url");
        var name = url[(url.LastIndexOf('/') + 1)..];
        Assert.Equal(100, name.Length);
        Assert.EndsWith(".csv", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_id_outside_storage_is_rejected()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());

        var response = await UploadAsync(
            portal, admin, "resource_create", dataset, "a.csv", CsvText, ("id", "../../../../tmp/escape"));

        var error = ApiAssert.Failure(response, HttpStatusCode.Conflict, "Validation Error");
        Assert.Equal("Invalid storage path", error["upload"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_replaces_stored_file()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());
        var created = await UploadAsync(portal, admin, "resource_create", dataset, "v1.csv", CsvText);
        var id = Text(created.Result!.AsObject(), "id");

        var updated = await UploadAsync(
            portal, admin, "resource_update", dataset, "v2.json", "{}", ("id", id));

        ApiAssert.Status(updated, HttpStatusCode.OK);
        Assert.EndsWith("/download/v2.json", Text(updated.Result!.AsObject(), "url"), StringComparison.Ordinal);
        Assert.Equal("application/json", Text(updated.Result!.AsObject(), "mimetype"));
        using var download = await portal.Client.GetAsync(
            new Uri(Text(updated.Result!.AsObject(), "url")).AbsolutePath, CancellationToken);
        Assert.Equal("{}", await download.Content.ReadAsStringAsync(CancellationToken));
    }

    [Fact]
    public async Task Update_with_clear_upload_deletes_file()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());
        var created = await UploadAsync(portal, admin, "resource_create", dataset, "v1.csv", CsvText);
        var id = Text(created.Result!.AsObject(), "id");

        var updated = await portal.PostAsync(
            "resource_update",
            new JsonObject { ["id"] = id, ["url"] = "http://example.org/new.csv", ["clear_upload"] = "true" },
            admin.Token,
            CancellationToken);

        ApiAssert.Status(updated, HttpStatusCode.OK);
        Assert.Equal("", Text(updated.Result!.AsObject(), "url_type"));
        Assert.Equal("http://example.org/new.csv", Text(updated.Result!.AsObject(), "url"));
        Assert.False(File.Exists(Path.Combine(portal.Folder, "storage", "resources", id[..3], id[3..6], id[6..])));
    }

    [Fact]
    public async Task Upload_is_ignored_without_storage_path()
    {
        // The index is placed explicitly: a PostgreSQL catalog has no file to put it beside.
        var index = Path.Combine(Path.GetTempPath(), "ckan-index-" + Guid.NewGuid().ToString("N"));
        var options = new Dictionary<string, string> { ["ckan.storage_path"] = "", ["ckan.search.index_path"] = index };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());

        var response = await UploadAsync(
            portal, admin, "resource_create", dataset, "a.csv", CsvText, ("url", "http://example.org/a.csv"));

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal("http://example.org/a.csv", Text(response.Result!.AsObject(), "url"));
        Assert.Null(response.Result!["url_type"]);
    }

    [Fact]
    public async Task Anonymous_upload_is_not_authorized_and_leaves_no_file()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var dataset = await NewDatasetAsync(portal, new JsonObject());

        var response = await UploadAsync(portal, null, "resource_create", dataset, "a.csv", CsvText);

        ApiAssert.Failure(response, HttpStatusCode.Forbidden, "Authorization Error");
        Assert.Empty(StoredFiles(portal));
    }

    [Fact]
    public async Task Malformed_multipart_body_is_bad_request()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        using var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a.csv\"\r\n\r\nunterminated");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/resource_create") { Content = content };

        var response = await portal.SendAsync(request, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.BadRequest);
        Assert.Contains("Form Error", response.Text, StringComparison.Ordinal);
        Assert.Empty(StoredFiles(portal));
    }

    private static async Task<JsonObject> NewDatasetAsync(TestPortal portal, JsonObject fields)
    {
        fields["owner_org"] ??= await portal.CreateOrganizationAsync(CancellationToken);
        return await portal.CreateDatasetAsync(fields, CancellationToken);
    }

    private static IEnumerable<string> StoredFiles(TestPortal portal)
    {
        var root = Path.Combine(portal.Folder, "storage", "resources");
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [];
    }

    private static string Text(JsonObject resource, string key) => resource[key]!.GetValue<string>();

    private static Task<ApiResponse> UploadAsync(
        TestPortal portal,
        TestUser? user,
        string action,
        JsonObject dataset,
        string fileName,
        string content,
        params (string Name, string Value)[] fields) =>
        UploadStreamAsync(
            portal, user, action, dataset, fileName, new MemoryStream(Encoding.UTF8.GetBytes(content)), fields);

    private static async Task<ApiResponse> UploadStreamAsync(
        TestPortal portal,
        TestUser? user,
        string action,
        JsonObject dataset,
        string fileName,
        Stream content,
        params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        if (string.Equals(action, "resource_create", StringComparison.Ordinal))
        {
            form.Add(new StringContent(dataset["id"]!.GetValue<string>()), "package_id");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.TryAddWithoutValidation(
            "Content-Disposition", $"form-data; name=\"upload\"; filename=\"{fileName.Replace("\\", "\\\\", StringComparison.Ordinal)}\"");
        form.Add(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/" + action) { Content = form };
        return await portal.SendAsync(request, user?.Token, CancellationToken);
    }
}
