using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Search;
using Xunit;

namespace Ckan.Core.Tests.Search;

public sealed class SearchIndexRebuilderTests
{
    // Three full batches and a partial one, so batches overlap and the last one is short.
    private const int DatasetCount = 3 * SearchIndexRebuilder.BatchSize + 7;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rebuild_indexes_every_dataset_once()
    {
        var catalog = new PackageCatalog(DatasetCount);
        var index = new RecordingSearchIndex();
        var progress = new List<RebuildProgress>();

        var written = await RebuildAsync(catalog, index, new RebuildOptions(), progress);

        Assert.Equal(DatasetCount, written);
        Assert.Equal(catalog.Ids, index.Indexed.Order(StringComparer.Ordinal));
        Assert.Equal(2, index.MaxOverlappingWrites);
        Assert.False(index.WroteOutsideBulkLoad);
        Assert.Equal([2000, 4000, 6000, DatasetCount], progress.Select(step => step.Done));
        Assert.All(progress, step => Assert.Equal(DatasetCount, step.Total));
    }

    [Fact]
    public async Task Rebuild_skips_failing_dataset_on_request()
    {
        var catalog = new PackageCatalog(DatasetCount);
        var failingId = catalog.Ids[4321];
        var index = new RecordingSearchIndex(failingId);
        var failures = new List<string>();
        var options = new RebuildOptions { ContinueOnError = true, OnFailure = failures.Add };

        var written = await RebuildAsync(catalog, index, options, []);

        Assert.Equal(DatasetCount - 1, written);
        Assert.Equal(DatasetCount - 1, index.Indexed.Count);
        Assert.DoesNotContain(failingId, index.Indexed);
        var failure = Assert.Single(failures);
        Assert.StartsWith(failingId + ": ", failure, StringComparison.Ordinal);
        Assert.False(index.WroteOutsideBulkLoad);
    }

    [Fact]
    public async Task Rebuild_stops_at_failing_batch()
    {
        var catalog = new PackageCatalog(DatasetCount);
        var index = new RecordingSearchIndex(catalog.Ids[2500]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => RebuildAsync(catalog, index, new RebuildOptions(), []));

        Assert.Contains(catalog.Ids[2500], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(catalog.Ids[2500], index.Indexed);
        Assert.False(index.WroteOutsideBulkLoad);
    }

    private static async Task<int> RebuildAsync(
        PackageCatalog catalog,
        RecordingSearchIndex index,
        RebuildOptions options,
        List<RebuildProgress> progress)
    {
        var config = CkanConfig.FromOptions(new Dictionary<string, string>
        {
            ["SECRET_KEY"] = "rebuild-test",
            ["ckan.site_url"] = "http://127.0.0.1",
        });
        using var services = new CkanServices(config, catalog, index);
        return await SearchIndexRebuilder.RebuildAsync(
            services, options, new SynchronousProgress(progress), Token);
    }

    /// <summary>Records each report on the reporting thread, unlike Progress, which posts it later.</summary>
    private sealed class SynchronousProgress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => reports.Add(value);
    }
}
