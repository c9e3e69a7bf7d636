using System.Runtime.ExceptionServices;
using Ckan.Core.Search;
using Ckan.Search.Lucene.Indexing;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene;

public sealed partial class LuceneSearchIndex
{
    /// <summary>The smallest batch analyzed on all processors; smaller ones run on the calling thread.</summary>
    private const int ParallelBatchSize = 64;

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
                LuceneDocumentFactory.Create(datasets[i], ids[i])));
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        var terms = ids.Select(id => new Term(LuceneDocumentFactory.IdField, id)).ToArray();
        Write(() => _writer.DeleteDocuments(terms));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        Write(_writer.DeleteAll);
        return Task.CompletedTask;
    }

    /// <summary>Runs a change, commits it and refreshes the searchers so the next search includes it.</summary>
    private void Write(Action change)
    {
        try
        {
            change();
            _writer.Commit();
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
}
