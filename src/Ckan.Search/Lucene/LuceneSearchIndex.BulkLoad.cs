namespace Ckan.Search.Lucene;

public sealed partial class LuceneSearchIndex
{
    /// <summary>
    /// The writer's buffer during a bulk load, in MiB. Each flush of the buffer writes a segment, so a
    /// larger buffer means fewer segments and fewer merges of them, for that much more memory.
    /// </summary>
    private const double BulkLoadBufferMB = 256;

    private readonly System.Threading.Lock _bulkLoadLock = new();
    private int _bulkLoads;

    /// <inheritdoc />
    /// <remarks>
    /// During a bulk load, writes neither commit nor refresh the searchers, and flushed segments are not
    /// packed into compound files, which would copy every segment once more. The last bulk load to end
    /// commits and refreshes once.
    /// </remarks>
    public IAsyncDisposable BeginBulkLoad()
    {
        ThrowIfDisposed();
        lock (_bulkLoadLock)
        {
            if (_bulkLoads++ == 0)
            {
                _writer.Config.RAMBufferSizeMB = BulkLoadBufferMB;
                _writer.Config.UseCompoundFile = false;
            }
        }

        return new BulkLoad(this);
    }

    private bool IsBulkLoading => Volatile.Read(ref _bulkLoads) > 0;

    /// <summary>
    /// Commits while the bulk settings still apply, so the segment that the commit flushes is not packed
    /// into a compound file either, then restores the settings for single writes.
    /// </summary>
    private void EndBulkLoad()
    {
        lock (_bulkLoadLock)
        {
            if (--_bulkLoads > 0)
            {
                return;
            }

            try
            {
                if (_disposed == 0)
                {
                    Write(() => { }, commitNow: true);
                }
            }
            finally
            {
                _writer.Config.RAMBufferSizeMB = RAMBufferMB;
                _writer.Config.UseCompoundFile = true;
            }
        }
    }

    private sealed class BulkLoad(LuceneSearchIndex index) : IAsyncDisposable
    {
        private int _isEnded;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _isEnded, 1) == 0)
            {
                index.EndBulkLoad();
            }

            return ValueTask.CompletedTask;
        }
    }
}
