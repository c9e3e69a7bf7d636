using Ckan.Core.Search;

namespace Ckan.Bench.Search;

/// <summary>
/// Passes every call to the real index and adds up the time during which <see cref="IndexAsync"/> or
/// the end of a bulk load (its commit) was running, so a rebuild's time splits into index writes and the
/// rest (catalog reads and building dictionaries). Overlapping calls count once.
/// </summary>
internal sealed class TimedSearchIndex(ISearchIndex inner) : ISearchIndex
{
    private readonly Lock _lock = new();
    private long _indexTicks;
    private int _running;
    private long _firstStarted;

    /// <summary>Time during which at least one write was running, so far.</summary>
    public TimeSpan IndexTime
    {
        get
        {
            lock (_lock)
            {
                return TimeSpan.FromTicks(_indexTicks);
            }
        }
    }

    public async Task IndexAsync(IReadOnlyList<IndexedDataset> datasets, CancellationToken cancellationToken = default)
    {
        StartWrite();
        try
        {
            await inner.IndexAsync(datasets, cancellationToken);
        }
        finally
        {
            EndWrite();
        }
    }

    public IAsyncDisposable BeginBulkLoad() => new TimedBulkLoad(this, inner.BeginBulkLoad());

    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(ids, cancellationToken);

    public Task ClearAsync(CancellationToken cancellationToken = default) => inner.ClearAsync(cancellationToken);

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(request, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListIndexedAsync(CancellationToken cancellationToken = default) =>
        inner.ListIndexedAsync(cancellationToken);

    public Task<byte[]?> GetStoredAsync(string id, CancellationToken cancellationToken = default) =>
        inner.GetStoredAsync(id, cancellationToken);

    public void Dispose() => inner.Dispose();

    private void StartWrite()
    {
        lock (_lock)
        {
            if (_running++ == 0)
            {
                _firstStarted = TimeProvider.System.GetTimestamp();
            }
        }
    }

    private void EndWrite()
    {
        lock (_lock)
        {
            if (--_running == 0)
            {
                _indexTicks += TimeProvider.System.GetElapsedTime(_firstStarted).Ticks;
            }
        }
    }

    private sealed class TimedBulkLoad(TimedSearchIndex index, IAsyncDisposable inner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            index.StartWrite();
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                index.EndWrite();
            }
        }
    }
}
