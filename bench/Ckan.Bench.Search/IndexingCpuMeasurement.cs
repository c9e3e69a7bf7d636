using System.Diagnostics;
using System.Globalization;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Search;
using Ckan.Search.Lucene;
using Ckan.Storage;

namespace Ckan.Bench.Search;

/// <summary>
/// Measures the processor time (user and system) this process spends indexing the same generated
/// datasets into a new Lucene index on one thread, once per round. Processor time varies much less
/// than elapsed time on a machine shared with other work, so two builds of the index code can be
/// compared on a busy machine by running them alternately.
/// </summary>
/// <remarks>
/// The datasets are read from the catalog and turned into index entries before the first round, so a
/// round measures only the index: documents, analysis, inversion, segment writes and the final commit.
/// Batches stay below the index's threshold for parallel analysis, so one thread does the indexing.
/// Merges, if any, run on Lucene's merge threads and are counted too.
/// </remarks>
internal static class IndexingCpuMeasurement
{
    /// <summary>Datasets per call, small enough that the index analyzes them on the calling thread.</summary>
    private const int SequentialBatchSize = 32;

    public static async Task RunAsync(
        string folder,
        string realData,
        int datasetCount,
        int rounds,
        int seed,
        CancellationToken cancellationToken)
    {
        var config = CkanConfig.FromOptions(new Dictionary<string, string>
        {
            ["sqlalchemy.url"] = "sqlite:///" + Path.Combine(folder, "ckan.db"),
            ["ckan.site_url"] = "http://127.0.0.1",
            ["SECRET_KEY"] = Guid.NewGuid().ToString("N"),
        });
        var datasets = await LoadDatasetsAsync(
            config, Path.Combine(folder, "unused_index"), realData, datasetCount, seed, cancellationToken);
        Console.Error.WriteLine($"Indexing {datasets.Count} datasets on one thread, {rounds} rounds");

        for (var round = 1; round <= rounds; round++)
        {
            var (processor, elapsed) = await IndexOnceAsync(
                Path.Combine(folder, "index-" + round.ToString(CultureInfo.InvariantCulture)),
                datasets,
                cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: processor {processor.TotalSeconds:F2} s, elapsed {elapsed.TotalSeconds:F2} s, "
                    + $"load average {SystemLoad.OneMinute():F1}{(round == 1 ? " (includes compilation)" : "")}"));
        }
    }

    private static async Task<IReadOnlyList<IndexedDataset>> LoadDatasetsAsync(
        CkanConfig config,
        string unusedIndexPath,
        string realData,
        int datasetCount,
        int seed,
        CancellationToken cancellationToken)
    {
        // Building index entries needs the services, and they need an index, which stays empty here.
        var (store, migrator) = CatalogStoreFactory.Create(config);
        using var index = new LuceneSearchIndex(unusedIndexPath);
        using var services = new CkanServices(config, store, index);
        await migrator.UpgradeAsync(cancellationToken);
        var sample = RealDatasetSample.Load(realData);
        await new CatalogGenerator(sample, seed).WriteAsync(store, datasetCount, null, cancellationToken);

        var datasets = new List<IndexedDataset>(datasetCount);
        await using var session = await store.OpenSessionAsync(write: false, cancellationToken);
        string? afterId = null;
        while (true)
        {
            var stamps = await session.ListPackageStampsAsync(
                afterId, SearchIndexRebuilder.BatchSize, cancellationToken);
            if (stamps.Count == 0)
            {
                return datasets;
            }

            afterId = stamps[^1].Id;
            var graphs = await session.GetPackageGraphsAsync(
                stamps.Select(stamp => stamp.Id).ToList(),
                cancellationToken);
            datasets.AddRange(graphs.Select(graph => SearchIndexer.ToIndexed(services, graph)));
        }
    }

    private static async Task<(TimeSpan Processor, TimeSpan Elapsed)> IndexOnceAsync(
        string indexPath,
        IReadOnlyList<IndexedDataset> datasets,
        CancellationToken cancellationToken)
    {
        // Garbage from earlier rounds would otherwise be collected during this one and billed to it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        using var process = Process.GetCurrentProcess();
        var processorBefore = process.TotalProcessorTime;
        var started = TimeProvider.System.GetTimestamp();
        using (var index = new LuceneSearchIndex(indexPath))
        {
            await using (index.BeginBulkLoad())
            {
                for (var start = 0; start < datasets.Count; start += SequentialBatchSize)
                {
                    var end = Math.Min(start + SequentialBatchSize, datasets.Count);
                    var batch = new List<IndexedDataset>(end - start);
                    for (var i = start; i < end; i++)
                    {
                        batch.Add(datasets[i]);
                    }

                    await index.IndexAsync(batch, cancellationToken);
                }
            }
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        process.Refresh();
        return (process.TotalProcessorTime - processorBefore, elapsed);
    }
}
