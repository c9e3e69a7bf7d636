using System.Runtime.ExceptionServices;
using Ckan.Core.Search;
using Ckan.Search.Lucene.Indexing;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene;

public sealed partial class LuceneSearchIndex
{
    /// <summary>The smallest batch analyzed on all processors; smaller ones run on the calling thread.</summary>
    private const int ParallelBatchSize = 64;

    /// <summary>
    /// How long a small change may wait for its commit. A commit syncs files to disk and costs about 20 ms,
    /// so the writes of single datasets are searchable at once (near-real-time readers see uncommitted
    /// changes) and reach the disk together. A crash loses at most this much of the index, which the
    /// portal's start-up check repairs from the catalog.
    /// </summary>
    private static readonly TimeSpan CommitDelay = TimeSpan.FromSeconds(1);

    private readonly System.Threading.Lock _commitLock = new();
    private Timer? _commitTimer;
    private int _hasUncommittedChanges;

    /// <inheritdoc />
    /// <remarks>
    /// Each dataset replaces the document with its id. Large batches are analyzed in parallel, and the
    /// batch is committed once, at the end. A cancelled call rolls nothing back, so the datasets added
    /// before cancellation are indexed at the next commit. Raises <see cref="ArgumentException"/> for a
    /// dictionary without an id, before writing anything.
    /// </remarks>
    public Task IndexAsync(IReadOnlyList<IndexedDataset> datasets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        var ids = datasets.Select(LuceneDocumentFactory.ReadId).ToArray();
        Write(() =>
        {
            var options = new ParallelOptions
            {
                CancellationToken = cancellationToken,
                MaxDegreeOfParallelism = datasets.Count >= ParallelBatchSize ? Environment.ProcessorCount : 1,
            };
            Parallel.For(0, datasets.Count, options, i => _writer.UpdateDocument(
                new Term(LuceneDocumentFactory.IdField, ids[i]),
                _documentFactories.Value!.Create(datasets[i], ids[i])));
        }, commitNow: datasets.Count >= ParallelBatchSize);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        var terms = ids.Select(id => new Term(LuceneDocumentFactory.IdField, id)).ToArray();
        Write(() => _writer.DeleteDocuments(terms), commitNow: false);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        Write(_writer.DeleteAll, commitNow: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs a change and refreshes the searchers so the next search includes it. Large changes commit at
    /// once; small ones within <see cref="CommitDelay"/>. During a bulk load, the change waits for its end.
    /// </summary>
    private void Write(Action change, bool commitNow)
    {
        try
        {
            change();
            if (IsBulkLoading)
            {
                return;
            }

            if (commitNow)
            {
                Interlocked.Exchange(ref _hasUncommittedChanges, 0);
                _writer.Commit();
            }
            else
            {
                ScheduleCommit();
            }

            _searchers.MaybeRefreshBlocking();
        }
        catch (IOException error)
        {
            throw Unavailable(error);
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            // Parallel indexing wraps the failure of a worker; report it as a sequential write would.
            var inner = error.InnerExceptions[0];
            if (inner is IOException io)
            {
                throw Unavailable(io);
            }

            ExceptionDispatchInfo.Throw(inner);
        }
    }

    private void ScheduleCommit()
    {
        Interlocked.Exchange(ref _hasUncommittedChanges, 1);
        lock (_commitLock)
        {
            _commitTimer ??= new Timer(_ => CommitPending(), null, CommitDelay, CommitDelay);
        }
    }

    private void CommitPending()
    {
        if (_disposed == 1 || Interlocked.Exchange(ref _hasUncommittedChanges, 0) == 0)
        {
            return;
        }

        try
        {
            _writer.Commit();
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            // The changes stay in the writer: the next commit or the final one on Dispose retries them.
            Interlocked.Exchange(ref _hasUncommittedChanges, 1);
        }
    }

    /// <summary>Stops the commit timer; Dispose then commits whatever is pending as it closes the writer.</summary>
    private void StopCommitTimer()
    {
        lock (_commitLock)
        {
            _commitTimer?.Dispose();
            _commitTimer = null;
        }
    }
}
