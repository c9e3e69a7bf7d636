using System.Net;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Search;
using Ckan.Search.Lucene;
using Ckan.Storage;
using Ckan.Web.Tests.RealData;
using Ckan.Web.Tests.Support;

namespace Ckan.Cli.Tests.Commands;

/// <summary>
/// Migrates a portal seeded with real published metadata into an empty one with <c>ckan migrate</c>, then
/// compares counts and a sample of datasets, and checks that a second run copies only what changed.
/// </summary>
public sealed class MigrateCommandTests
{
    // Every portal's file but the largest, plus a slice of it, keeps the test quick but varied.
    private const int DepositarDatasets = 150;

    [Fact]
    public async Task Real_catalog_migrates_completely()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = SharedData.RealDataFolder();
        await using var source = await TestPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.auth.create_unowned_dataset"] = "true" }, cancellationToken);
        var admin = await source.CreateUserAsync(sysadmin: true, cancellationToken);
        var seeded = await SeedAsync(source, admin, folder, cancellationToken);
        using var site = new CliSite();
        File.AppendAllText(site.ConfigPath, "ckan.auth.create_unowned_dataset = true\n"
            + $"ckan.storage_path = {Path.Combine(site.Directory, "storage")}\n");

        var first = await site.RunAsync("migrate", "--source", source.Client.BaseAddress!.AbsoluteUri,
            "--api-token", admin.Token, "-q");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains($"files: {seeded.FileCount} created, 0 updated, 0 unchanged, 0 failed", first.Output,
            StringComparison.Ordinal);
        Assert.Contains($"datasets: {seeded.Datasets.Count + 1} created, 0 updated", first.Output, StringComparison.Ordinal);
        using var services = await OpenAsync(site, cancellationToken);
        await AssertSameCountsAsync(source, admin, services, cancellationToken);
        foreach (var (label, sent) in seeded.Datasets.Where((_, index) => index % 10 == 0))
        {
            var copied = await ShowAsync(services, sent["name"]!.GetValue<string>(), cancellationToken);
            MetadataComparer.AssertSameUserFields(sent, copied, seeded.GroupIds, label);
            foreach (var resource in Uploads(sent))
            {
                Assert.Equal(
                    await File.ReadAllBytesAsync(StoredFile(Path.Combine(source.Folder, "storage"), resource), cancellationToken),
                    await File.ReadAllBytesAsync(StoredFile(Path.Combine(site.Directory, "storage"), resource), cancellationToken));
            }
        }

        var privateDataset = await ShowAsync(services, seeded.PrivateDataset, cancellationToken);
        Assert.True(privateDataset["private"]!.GetValue<bool>());
        var members = await CallAsync(services, "member_list",
            new JsonObject { ["id"] = seeded.Organization, ["object_type"] = "user" }, cancellationToken);
        Assert.Contains(members!.AsArray(), member => member![2]!.GetValue<string>() == "editor");
        Assert.True((await SearchIndexChecker.CheckAsync(services, cancellationToken)).IsConsistent);
    }

    [Fact]
    public async Task Second_run_copies_only_changes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var source = await TestPortal.StartAsync(cancellationToken: cancellationToken);
        var admin = await source.CreateUserAsync(sysadmin: true, cancellationToken);
        var organization = Names.Unique("org");
        await source.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var names = new List<string>();
        for (var index = 0; index < 3; index++)
        {
            names.Add(Names.Unique("dataset"));
            await source.ArrangeAsync("package_create",
                new JsonObject { ["name"] = names[^1], ["owner_org"] = organization }, cancellationToken);
        }

        using var site = new CliSite();
        var url = source.Client.BaseAddress!.AbsoluteUri;
        await site.RunAsync("migrate", "--source", url, "--api-token", admin.Token, "-q");
        await source.ArrangeAsync("package_patch",
            new JsonObject { ["id"] = names[1], ["title"] = "Changed on the source" }, cancellationToken);

        var second = await site.RunAsync("migrate", "--source", url, "--api-token", admin.Token, "-q");

        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("datasets: 0 created, 1 updated, 2 unchanged, 0 failed", second.Output, StringComparison.Ordinal);
        using var services = await OpenAsync(site, cancellationToken);
        Assert.Equal("Changed on the source", (await ShowAsync(services, names[1], cancellationToken))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Migrated_csv_is_loaded_into_datastore()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var source = await TestPortal.StartAsync(cancellationToken: cancellationToken);
        var admin = await source.CreateUserAsync(sysadmin: true, cancellationToken);
        var organization = Names.Unique("org");
        await source.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var dataset = await source.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("dataset"), ["owner_org"] = organization }, cancellationToken);
        var csv = await UploadCsvAsync(source, admin, dataset!["id"]!.GetValue<string>(), cancellationToken);
        var page = await source.ArrangeAsync("resource_create", new JsonObject
        {
            ["package_id"] = dataset["id"]!.GetValue<string>(),
            ["url"] = "http://example.org/about.html",
            ["format"] = "HTML",
        }, cancellationToken);
        using var site = new CliSite();
        File.AppendAllText(site.ConfigPath, "ckan.plugins = datastore datapusher\n"
            + $"ckan.storage_path = {Path.Combine(site.Directory, "storage")}\n");

        var migrated = await site.RunAsync("migrate", "--source", source.Client.BaseAddress!.AbsoluteUri,
            "--api-token", admin.Token, "-q");
        var worker = await site.RunAsync("jobs", "worker", "--burst");
        var dump = await site.RunAsync("datastore", "dump", csv);
        var pageDump = await site.RunAsync("datastore", "dump", page!["id"]!.GetValue<string>());

        Assert.True(migrated.ExitCode == 0, migrated.Output + migrated.Error);
        Assert.Contains("Queued 1 DataStore load(s) of tabular resources for the job worker.", migrated.OutputLines);
        Assert.True(worker.ExitCode == 0, worker.Output + worker.Error);
        Assert.True(dump.ExitCode == 0, dump.Error);
        Assert.Equal(["_id,city,population", "1,Lima,9751717", "2,Quito,2800388"], dump.OutputLines);
        Assert.Equal(1, pageDump.ExitCode);
    }

    [Fact]
    public async Task No_token_skips_users_with_reason()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var source = await TestPortal.StartAsync(cancellationToken: cancellationToken);
        var organization = Names.Unique("org");
        await source.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        await source.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("public"), ["owner_org"] = organization }, cancellationToken);
        await source.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("hidden"), ["owner_org"] = organization, ["private"] = true },
            cancellationToken);
        using var site = new CliSite();

        var run = await site.RunAsync("migrate", "--source", source.Client.BaseAddress!.AbsoluteUri, "-q");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("datasets: 1 created", run.Output, StringComparison.Ordinal);
        Assert.Contains("Users were not copied", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_source_fails_with_one_line()
    {
        using var site = new CliSite();

        // Port 9 on loopback (discard) has no listener here, so the connection is refused at once.
        var run = await site.RunAsync("migrate", "--source", "http://127.0.0.1:9/", "-q");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: Cannot reach http://127.0.0.1:9/", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_that_is_not_a_url_is_refused()
    {
        using var site = new CliSite();

        var run = await site.RunAsync("migrate", "--source", "file:///etc/passwd", "-q");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--source must be an http or https URL", run.Error, StringComparison.Ordinal);
    }

    private static async Task<SeededCatalog> SeedAsync(
        TestPortal source, TestUser admin, string folder, CancellationToken cancellationToken)
    {
        var all = RealCatalog.ReadDatasets(Path.Combine(folder, "datasets"));
        var datasets = all.Where(item => !item.Source.StartsWith("depositar", StringComparison.Ordinal))
            .Concat(all.Where(item => item.Source.StartsWith("depositar", StringComparison.Ordinal)).Take(DepositarDatasets))
            .ToList();
        await RealCatalog.CreateOrganizationsAsync(source, admin, folder, datasets, cancellationToken);
        var groupIds = await RealCatalog.CreateGroupsAsync(source, admin, datasets, cancellationToken);
        var loaded = new List<(string, JsonObject)>();
        var samples = Directory.GetFiles(Path.Combine(folder, "csv"), "*.csv")
            .Where(path => new FileInfo(path).Length < 100_000).Order(StringComparer.Ordinal).ToList();
        var fileCount = 0;
        foreach (var (file, dataset) in datasets)
        {
            var response = await source.PostAsync("package_create", dataset, admin.Token, cancellationToken);
            if (response.Status != HttpStatusCode.OK)
            {
                continue;
            }

            loaded.Add(($"{file} {dataset["name"]}", dataset));

            // The metadata came without its files: each uploaded resource gets one of the real CSV files.
            foreach (var resource in Uploads(dataset))
            {
                var path = StoredFile(Path.Combine(source.Folder, "storage"), resource);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(samples[fileCount++ % samples.Count], path, overwrite: true);
            }
        }

        // A private dataset and an editor, which only a sysadmin's token can see on the source.
        var editor = await source.CreateUserAsync(cancellationToken: cancellationToken);
        var organization = Names.Unique("org");
        await source.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        await source.ArrangeAsync("organization_member_create",
            new JsonObject { ["id"] = organization, ["username"] = editor.Name, ["role"] = "editor" }, cancellationToken);
        var privateName = Names.Unique("private");
        await source.ArrangeAsync("package_create",
            new JsonObject { ["name"] = privateName, ["owner_org"] = organization, ["private"] = true }, cancellationToken);
        return new SeededCatalog(loaded, groupIds, organization, privateName, fileCount);
    }

    private static async Task AssertSameCountsAsync(
        TestPortal source, TestUser admin, CkanServices local, CancellationToken cancellationToken)
    {
        foreach (var action in new[] { "organization_list", "group_list", "user_list" })
        {
            var expected = await source.PostAsync(action, new JsonObject { ["limit"] = 1000 }, admin.Token, cancellationToken);
            var actual = await CallAsync(local, action, new JsonObject { ["limit"] = 1000 }, cancellationToken);
            Assert.Equal(expected.Result!.AsArray().Count, actual!.AsArray().Count);
        }

        var search = new JsonObject { ["include_private"] = true, ["include_drafts"] = true, ["rows"] = 0 };
        var sourceCount = await source.PostAsync("package_search", search, admin.Token, cancellationToken);
        var localCount = await CallAsync(local, "package_search", search.DeepClone().AsObject(), cancellationToken);
        Assert.Equal(sourceCount.Result!["count"]!.GetValue<int>(), localCount!["count"]!.GetValue<int>());
    }

    private static async Task<string> UploadCsvAsync(
        TestPortal portal, TestUser user, string datasetId, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(datasetId), "package_id" },
            { new StringContent("CSV"), "format" },
            { new ByteArrayContent("city,population\nLima,9751717\nQuito,2800388\n"u8.ToArray()), "upload", "cities.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/3/action/resource_create") { Content = content };
        var response = await portal.SendAsync(request, user.Token, cancellationToken);
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        return response.Result!["id"]!.GetValue<string>();
    }

    private static IEnumerable<JsonObject> Uploads(JsonObject dataset) =>
        (dataset["resources"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(resource => resource["url_type"]?.ToString() == "upload");

    // Where CKAN keeps an uploaded resource's file under the storage folder.
    private static string StoredFile(string storage, JsonObject resource)
    {
        var id = resource["id"]!.GetValue<string>();
        return Path.Combine(storage, "resources", id[..3], id[3..6], id[6..]);
    }

    private static async Task<CkanServices> OpenAsync(CliSite site, CancellationToken cancellationToken)
    {
        var config = site.LoadConfig();
        var (store, migrator) = CatalogStoreFactory.Create(config);
        await migrator.UpgradeAsync(cancellationToken);
        return new CkanServices(config, store, new LuceneSearchIndex(SearchIndexLocation.Resolve(config)));
    }

    private static async Task<JsonObject> ShowAsync(CkanServices services, string name, CancellationToken cancellationToken) =>
        (await CallAsync(services, "package_show", new JsonObject { ["id"] = name }, cancellationToken))!.AsObject();

    private static Task<JsonNode?> CallAsync(
        CkanServices services, string action, JsonObject data, CancellationToken cancellationToken) =>
        services.CallAsSiteAsync(action, data, cancellationToken);

    private sealed record SeededCatalog(
        IReadOnlyList<(string Label, JsonObject Dataset)> Datasets,
        IReadOnlySet<string> GroupIds,
        string Organization,
        string PrivateDataset,
        int FileCount);
}
