using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Search;
using Ckan.Search.Lucene;
using Ckan.Storage;

namespace Ckan.Cli.Tests.Commands;

public sealed class DataPusherCommandTests
{
    [Fact]
    public async Task Submit_queues_tabular_resources_once()
    {
        using var site = new CliSite();
        File.AppendAllText(site.ConfigPath,
            $"ckan.plugins = datastore datapusher\nckan.storage_path = {Path.Combine(site.Directory, "storage")}\n");
        var name = "dataset-" + Guid.NewGuid().ToString("N")[..8];
        await CreateDatasetAsync(site, name);

        var first = await site.RunAsync("datapusher", "submit", name);
        var second = await site.RunAsync("datapusher", "submit", name);
        var jobs = await site.RunAsync("jobs", "list");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.EndsWith("Queued 1 resource(s)\n", first.Output, StringComparison.Ordinal);
        Assert.EndsWith("Queued 0 resource(s)\n", second.Output, StringComparison.Ordinal);
        Assert.Contains("to the DataStore", jobs.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_without_plugin_is_refused()
    {
        using var site = new CliSite();

        var run = await site.RunAsync("datapusher", "submit");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("datapusher plugin is not in ckan.plugins", run.Error, StringComparison.Ordinal);
    }

    // A CSV link and an HTML page: only the first is in the DataPusher's formats.
    private static async Task CreateDatasetAsync(CliSite site, string name)
    {
        var config = site.LoadConfig();
        var (store, migrator) = CatalogStoreFactory.Create(config);
        await migrator.UpgradeAsync(CancellationToken.None);
        using var services = new CkanServices(config, store, new LuceneSearchIndex(SearchIndexLocation.Resolve(config)));
        var context = new ActionContext(services, null, ignoreAuth: true);
        var organization = "org-" + Guid.NewGuid().ToString("N")[..8];
        await services.Actions.Find("organization_create")!.Handler(context, new JsonObject { ["name"] = organization },
            CancellationToken.None);
        await services.Actions.Find("package_create")!.Handler(context, new JsonObject
        {
            ["name"] = name,
            ["owner_org"] = organization,
            ["resources"] = new JsonArray(
                new JsonObject { ["url"] = "http://example.org/data.csv", ["format"] = "CSV" },
                new JsonObject { ["url"] = "http://example.org/about.html", ["format"] = "HTML" }),
        }, CancellationToken.None);
    }
}
