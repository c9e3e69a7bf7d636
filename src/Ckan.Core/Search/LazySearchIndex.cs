namespace Ckan.Core.Search;

/// <summary>
/// Opens the real index on first use. Commands that never touch datasets (user and token management)
/// then run while a portal has the index open, since an on-disk index admits one writer at a time.
/// </summary>
public sealed class LazySearchIndex(Func<ISearchIndex> open) : ISearchIndex
{
    private readonly Lazy<ISearchIndex> _index = new(open, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public Task IndexAsync(IReadOnlyList<IndexedDataset> datasets, CancellationToken cancellationToken = default) =>
        _index.Value.IndexAsync(datasets, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        _index.Value.DeleteAsync(ids, cancellationToken);

    /// <inheritdoc />
    public IAsyncDisposable BeginBulkLoad() => _index.Value.BeginBulkLoad();

    /// <inheritdoc />
    public Task ClearAsync(CancellationToken cancellationToken = default) => _index.Value.ClearAsync(cancellationToken);

    /// <inheritdoc />
    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        _index.Value.SearchAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> ListIndexedAsync(CancellationToken cancellationToken = default) =>
        _index.Value.ListIndexedAsync(cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> GetStoredAsync(string id, CancellationToken cancellationToken = default) =>
        _index.Value.GetStoredAsync(id, cancellationToken);

    public void Dispose()
    {
        if (_index.IsValueCreated)
        {
            _index.Value.Dispose();
        }
    }
}
