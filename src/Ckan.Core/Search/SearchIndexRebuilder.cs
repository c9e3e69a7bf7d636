using System.Threading.Channels;
using Ckan.Core.Actions;
using Ckan.Core.Model;

namespace Ckan.Core.Search;

/// <summary>
/// Rebuilds the search index from the catalog in batches, so memory stays bounded whatever the catalog's
/// size, reporting progress after each batch. Reading the next batch from the catalog overlaps with
/// indexing the previous one. Datasets become searchable when the rebuild ends.
/// </summary>
public static class SearchIndexRebuilder
{
    /// <summary>
    /// Datasets read and indexed per batch. At most three batches are in memory at once. The index
    /// commits once, at the end of the rebuild, as a bulk load.
    /// </summary>
    public const int BatchSize = 2000;

    /// <summary>
    /// Indexes every dataset that is not deleted, as <paramref name="options"/> sets out, and returns how many
    /// datasets were indexed.
    /// </summary>
    public static async Task<int> RebuildAsync(
        CkanServices services,
        RebuildOptions options,
        IProgress<RebuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (options.ClearFirst)
        {
            await services.Search.ClearAsync(cancellationToken);
        }

        var indexed = options.OnlyMissing
            ? await services.Search.ListIndexedAsync(cancellationToken)
            : new Dictionary<string, string>();
        int total;
        await using (var session = await services.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            total = await session.CountPackagesAsync(cancellationToken);
        }

        // The reader stops when the writer fails, so it never waits on a full channel that is no longer read.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<(IReadOnlyList<IndexedDataset> Batch, int Read)>(1);
        var reader = ReadBatchesAsync(services, indexed, batches.Writer, stopReading.Token);
        var done = 0;
        var written = 0;
        await using var bulkLoad = services.Search.BeginBulkLoad();
        try
        {
            await foreach (var (batch, read) in batches.Reader.ReadAllAsync(cancellationToken))
            {
                written += await WriteBatchAsync(services, batch, options, cancellationToken);
                done += read;
                progress?.Report(new RebuildProgress(done, total));
            }
        }
        finally
        {
            await stopReading.CancelAsync();
            await Task.WhenAny(reader);
        }

        return written;
    }

    private static async Task ReadBatchesAsync(
        CkanServices services,
        IReadOnlyDictionary<string, string> skipped,
        ChannelWriter<(IReadOnlyList<IndexedDataset> Batch, int Read)> output,
        CancellationToken cancellationToken)
    {
        try
        {
            string? afterId = null;
            while (true)
            {
                await using var session = await services.Store.OpenSessionAsync(write: false, cancellationToken);
                var stamps = await session.ListPackageStampsAsync(afterId, BatchSize, cancellationToken);
                if (stamps.Count == 0)
                {
                    break;
                }

                afterId = stamps[^1].Id;
                var wanted = stamps.Select(stamp => stamp.Id).Where(id => !skipped.ContainsKey(id)).ToList();
                var graphs = await session.GetPackageGraphsAsync(wanted, cancellationToken);
                var batch = graphs.Select(graph => SearchIndexer.ToIndexed(services, graph)).ToList();
                await output.WriteAsync((batch, stamps.Count), cancellationToken);
            }

            output.Complete();
        }
        catch (Exception error)
        {
            output.Complete(error);
        }
    }

    private static async Task<int> WriteBatchAsync(
        CkanServices services,
        IReadOnlyList<IndexedDataset> batch,
        RebuildOptions options,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await services.Search.IndexAsync(batch, cancellationToken);
            await SearchIndexer.NotifyPluginsAsync(services, batch, [], cancellationToken);
            return batch.Count;
        }
        catch (Exception) when (options.ContinueOnError && batch.Count > 1)
        {
            var written = 0;
            foreach (var dataset in batch)
            {
                written += await WriteBatchAsync(services, [dataset], options, cancellationToken);
            }

            return written;
        }
        catch (Exception error) when (options.ContinueOnError && error is not OperationCanceledException)
        {
            options.OnFailure?.Invoke($"{batch[0].Dictionary["id"]}: {error.Message}");
            return 0;
        }
    }

    /// <summary>Reindexes one dataset by id or name; returns false when it does not exist.</summary>
    public static async Task<bool> RebuildOneAsync(
        CkanServices services,
        string idOrName,
        CancellationToken cancellationToken)
    {
        PackageRow? package;
        await using (var session = await services.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            package = await session.GetPackageAsync(idOrName, cancellationToken);
        }

        if (package is null)
        {
            return false;
        }

        await SearchIndexer.IndexPackagesAsync(services, [package.Id], cancellationToken);
        return true;
    }
}
