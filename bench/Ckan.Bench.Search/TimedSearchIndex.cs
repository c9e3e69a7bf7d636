using Ckan.Core.Search;

namespace Ckan.Bench.Search;

/// <summary>
/// Passes every call to the real index and adds up the time spent in <see cref="IndexAsync"/> and in
/// ending a bulk load (its commit), so a rebuild's time splits into index writes and the rest (catalog
/// reads and building dictionaries).
/// </summary>
internal sealed class TimedSearchIndex(ISearchIndex inner) : ISearchIndex
{
    private long _indexTicks;

    /// <summary>Time spent inside <see cref="IndexAsync"/> so far.</summary>
    public TimeSpan IndexTime => TimeSpan.FromTicks(Interlocked.Read(ref _indexTicks));

    public async Task IndexAsync(IReadOnlyList<IndexedDataset> datasets, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await inner.IndexAsync(datasets, cancellationToken);
        }
        finally
        {
            AddIndexTime(started);
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

    private void AddIndexTime(long started) =>
        Interlocked.Add(ref _indexTicks, TimeProvider.System.GetElapsedTime(started).Ticks);

    private sealed class TimedBulkLoad(TimedSearchIndex index, IAsyncDisposable inner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            var started = TimeProvider.System.GetTimestamp();
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                index.AddIndexTime(started);
            }
        }
    }
}
