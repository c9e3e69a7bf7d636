using System.Threading.Channels;
using Ckan.Core.Actions;
using Ckan.Core.Model;

namespace Ckan.Core.Search;

/// <summary>
/// Rebuilds the search index from the catalog in batches, so memory stays bounded whatever the catalog's
/// size, reporting progress after each batch. Reading the next batch from the catalog overlaps with
/// indexing the previous ones, and two batches are indexed at once. Datasets become searchable when the
/// rebuild ends.
/// </summary>
public static class SearchIndexRebuilder
{
    /// <summary>
    /// Datasets read and indexed per batch. At most four batches are in memory at once: two being
    /// indexed, one waiting and one being read. The index commits once, at the end of the rebuild, as a
    /// bulk load.
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
        (Task<int> Write, int Read)? pending = null;
        var failureLock = new Lock();
        await using var bulkLoad = services.Search.BeginBulkLoad();
        try
        {
            await foreach (var (batch, read) in batches.Reader.ReadAllAsync(cancellationToken))
            {
                // The index's workers finish a batch unevenly (one may be writing a segment), so the next
                // batch starts before the previous one has ended, and no core waits for the slowest.
                var previous = pending;
                pending = (
                    Task.Run(() => WriteBatchAsync(services, batch, options, failureLock, cancellationToken)),
                    read);
                if (previous is { } finished)
                {
                    written += await finished.Write;
                    done += finished.Read;
                    progress?.Report(new RebuildProgress(done, total));
                }
            }

            if (pending is { } last)
            {
                pending = null;
                written += await last.Write;
                done += last.Read;
                progress?.Report(new RebuildProgress(done, total));
            }
        }
        finally
        {
            await stopReading.CancelAsync();
            await Task.WhenAny(reader);

            // A failed batch ends the rebuild, but the batch written beside it must end before the bulk load.
            if (pending is { } unfinished)
            {
                await Task.WhenAny(unfinished.Write);
            }
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
        Lock failureLock,
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
                written += await WriteBatchAsync(services, [dataset], options, failureLock, cancellationToken);
            }

            return written;
        }
        catch (Exception error) when (options.ContinueOnError && error is not OperationCanceledException)
        {
            // Two batches are written at once, and the callback need not be thread safe.
            lock (failureLock)
            {
                options.OnFailure?.Invoke($"{batch[0].Dictionary["id"]}: {error.Message}");
            }

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
