using System.Diagnostics;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Search;
using Ckan.Search.Lucene;
using Ckan.Storage;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Ckan.Bench.Search;

/// <summary>
/// Times <see cref="SearchIndexRebuilder.RebuildAsync"/>, the code behind <c>ckan search-index rebuild</c>,
/// in this process on a new Lucene index, then walks the catalog again without writing to split the time
/// that was not spent in index writes into catalog reads and building dictionaries.
/// </summary>
internal static class RebuildMeasurement
{
    public static async Task<RebuildReport> RunAsync(
        CkanConfig config,
        string indexPath,
        CancellationToken cancellationToken)
    {
        var (store, _) = CatalogStoreFactory.Create(config);
        var index = new TimedSearchIndex(new LuceneSearchIndex(indexPath));
        RebuildReport report;
        using (var services = new CkanServices(config, store, index))
        {
            // Garbage left by the generator would otherwise be collected during the rebuild and billed to it.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var isPeakReset = ProcessMemory.TryResetPeak();
            var residentBefore = ProcessMemory.ResidentBytes();

            var loadAtStart = SystemLoad.OneMinute();
            using var process = Process.GetCurrentProcess();
            var processorBefore = process.TotalProcessorTime;
            var started = TimeProvider.System.GetTimestamp();
            var progress = new Progress<RebuildProgress>(step =>
                Console.Error.Write($"\rIndexing dataset {step.Done}/{step.Total}"));
            var indexed = await SearchIndexRebuilder.RebuildAsync(
                services, new RebuildOptions(), progress, cancellationToken);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            process.Refresh();
            var processorTime = process.TotalProcessorTime - processorBefore;
            var peak = ProcessMemory.PeakResidentBytes();
            var loadAtEnd = SystemLoad.OneMinute();
            Console.Error.WriteLine();

            var (readTime, dictionaryTime) = await MeasureReadPhasesAsync(services, cancellationToken);
            report = new RebuildReport
            {
                Datasets = indexed,
                Elapsed = elapsed,
                ProcessorTime = processorTime,
                IndexWriteTime = index.IndexTime,
                CatalogReadTime = readTime,
                DictionaryTime = dictionaryTime,
                PeakResidentBytes = isPeakReset ? peak : null,
                ResidentBytesBefore = residentBefore,
                Load = (loadAtStart, loadAtEnd),
            };
        }

        return report with { IndexBytes = FolderSize(indexPath), Segments = CountSegments(indexPath) };
    }

    /// <summary>
    /// Reads the catalog in the rebuild's batches and builds each index entry, without writing it,
    /// timing the two steps apart.
    /// </summary>
    private static async Task<(TimeSpan Reads, TimeSpan Dictionaries)> MeasureReadPhasesAsync(
        CkanServices services,
        CancellationToken cancellationToken)
    {
        var reads = TimeSpan.Zero;
        var dictionaries = TimeSpan.Zero;
        string? afterId = null;
        while (true)
        {
            await using var session = await services.Store.OpenSessionAsync(write: false, cancellationToken);
            var started = TimeProvider.System.GetTimestamp();
            var stamps = await session.ListPackageStampsAsync(
                afterId, SearchIndexRebuilder.BatchSize, cancellationToken);
            if (stamps.Count == 0)
            {
                break;
            }

            afterId = stamps[^1].Id;
            var graphs = await session.GetPackageGraphsAsync(
                stamps.Select(stamp => stamp.Id).ToList(),
                cancellationToken);
            reads += TimeProvider.System.GetElapsedTime(started);

            started = TimeProvider.System.GetTimestamp();
            foreach (var graph in graphs)
            {
                SearchIndexer.ToIndexed(services, graph);
            }

            dictionaries += TimeProvider.System.GetElapsedTime(started);
        }

        return (reads, dictionaries);
    }

    private static int CountSegments(string path)
    {
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        return reader.Leaves.Count;
    }

    private static long FolderSize(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
}
