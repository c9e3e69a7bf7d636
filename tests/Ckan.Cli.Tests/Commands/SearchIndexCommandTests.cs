using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Search.Lucene;
using Ckan.Storage;

namespace Ckan.Cli.Tests.Commands;

public sealed class SearchIndexCommandTests
{
    [Fact]
    public async Task Rebuild_indexes_datasets_written_without_the_index()
    {
        using var site = new CliSite();
        await WriteDatasetsWithoutIndexAsync(site, 3);

        var check = await site.RunAsync("search-index", "check");
        var rebuild = await site.RunAsync("search-index", "rebuild", "-q");
        var checkAfter = await site.RunAsync("search-index", "check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("3 not indexed, 0 out of date, 0 orphaned", check.Output, StringComparison.Ordinal);
        Assert.Equal(0, rebuild.ExitCode);
        Assert.StartsWith("Indexed 3 datasets", rebuild.Output, StringComparison.Ordinal);
        Assert.Equal(0, checkAfter.ExitCode);
        Assert.Contains("0 not indexed, 0 out of date, 0 orphaned", checkAfter.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_stored_dataset_and_clear_removes_it()
    {
        using var site = new CliSite();
        var names = await WriteDatasetsWithoutIndexAsync(site, 2);
        await site.RunAsync("search-index", "rebuild", "-q");

        var show = await site.RunAsync("search-index", "show", names[0]);
        var clearOne = await site.RunAsync("search-index", "clear", names[0]);
        var showAfter = await site.RunAsync("search-index", "show", names[0]);
        var check = await site.RunAsync("search-index", "check");

        Assert.Equal(0, show.ExitCode);
        Assert.Equal(names[0], JsonNode.Parse(show.Output)!["name"]!.GetValue<string>());
        Assert.Equal(0, clearOne.ExitCode);
        Assert.Equal(1, showAfter.ExitCode);
        Assert.Contains("is not in the index", showAfter.Error, StringComparison.Ordinal);
        Assert.Contains("1 not indexed", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_of_unknown_dataset_fails_with_one_line()
    {
        using var site = new CliSite();

        var run = await site.RunAsync("search-index", "rebuild", "no-such-dataset");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Error: dataset \"no-such-dataset\" not found.", run.Error.Trim());
    }

    // Writes datasets straight into the catalog, as a restored database or another tool would, so the
    // index starts out without them.
    private static async Task<IReadOnlyList<string>> WriteDatasetsWithoutIndexAsync(CliSite site, int count)
    {
        var config = site.LoadConfig().With("ckan.auth.create_unowned_dataset", "true");
        var (store, migrator) = CatalogStoreFactory.Create(config);
        await migrator.UpgradeAsync(TestContext.Current.CancellationToken);
        var scratch = Path.Combine(site.Directory, "scratch-index");
        using var services = new CkanServices(config, store, new LuceneSearchIndex(scratch));
        var create = services.Actions.Find("package_create")!;
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = "dataset-" + i;
            await create.Handler(
                new ActionContext(services, null, ignoreAuth: true),
                new JsonObject { ["name"] = name },
                TestContext.Current.CancellationToken);
            names.Add(name);
        }

        return names;
    }
}
