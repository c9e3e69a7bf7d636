using Ckan.Core.Search;

namespace Ckan.Core.Tests.Search;

/// <summary>
/// A search index that records the ids of the datasets written to it, how many writes overlapped at
/// most, and whether a write ran outside a bulk load. A write that contains <paramref name="failingId"/>
/// fails. Only the calls of a rebuild are implemented.
/// </summary>
public sealed class RecordingSearchIndex(string? failingId = null) : ISearchIndex
{
    private readonly Lock _lock = new();
    private readonly List<string> _indexed = [];
    private int _bulkLoads;
    private int _writing;

    public IReadOnlyList<string> Indexed
    {
        get
        {
            lock (_lock)
            {
                return [.. _indexed];
            }
        }
    }

    public int MaxOverlappingWrites { get; private set; }

    public bool WroteOutsideBulkLoad { get; private set; }

    public async Task IndexAsync(IReadOnlyList<IndexedDataset> datasets, CancellationToken cancellationToken = default)
    {
        var ids = datasets.Select(dataset => (string)dataset.Dictionary["id"]!).ToList();
        lock (_lock)
        {
            _writing++;
            MaxOverlappingWrites = Math.Max(MaxOverlappingWrites, _writing);
            WroteOutsideBulkLoad |= _bulkLoads == 0;
        }

        try
        {
            await WaitForOverlapAsync(ids.Count, cancellationToken);
            if (failingId is not null && ids.Contains(failingId))
            {
                throw new InvalidOperationException($"Dataset {failingId} cannot be indexed.");
            }

            lock (_lock)
            {
                _indexed.AddRange(ids);
            }
        }
        finally
        {
            lock (_lock)
            {
                _writing--;
            }
        }
    }

    /// <summary>
    /// Holds a batch until a second write runs beside it, or for at most two seconds, so a rebuild that
    /// overlaps its writes shows it whatever the machine's speed.
    /// </summary>
    private async Task WaitForOverlapAsync(int datasets, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (datasets > 1
            && Volatile.Read(ref _writing) < 2
            && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    public IAsyncDisposable BeginBulkLoad()
    {
        lock (_lock)
        {
            _bulkLoads++;
        }

        return new BulkLoad(this);
    }

    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task ClearAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, string>> ListIndexedAsync(
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<byte[]?> GetStoredAsync(string id, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class BulkLoad(RecordingSearchIndex index) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (index._lock)
            {
                index._bulkLoads--;
            }

            return ValueTask.CompletedTask;
        }
    }
}
