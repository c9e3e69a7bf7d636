namespace Ckan.Core.Search;

/// <summary>
/// The dataset search index (Lucene.NET on disk in the embedded default). It stores each dataset's
/// package_show dictionary so results need no catalog reads. Implementations are thread safe: many
/// searches and writers may run at once, and a write is visible to searches when its call returns,
/// except during a bulk load.
/// </summary>
public interface ISearchIndex : IDisposable
{
    /// <summary>Adds or replaces the datasets, keyed by their id.</summary>
    Task IndexAsync(IReadOnlyList<IndexedDataset> datasets, CancellationToken cancellationToken = default);

    /// <summary>Removes the datasets with these ids; unknown ids are ignored.</summary>
    Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a bulk load, as a rebuild does: until the returned object is disposed, writes may stay
    /// invisible to searches and uncommitted, so the index can buffer them. Disposing it commits every
    /// write and makes it visible. Bulk loads may overlap, and the index leaves bulk mode when the last ends.
    /// </summary>
    IAsyncDisposable BeginBulkLoad();

    /// <summary>Removes every dataset.</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs a search; raises <see cref="Errors.SearchQueryException"/> for a query it cannot parse.</summary>
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns the id and metadata_modified of every indexed dataset, for consistency checks.</summary>
    Task<IReadOnlyDictionary<string, string>> ListIndexedAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the stored dictionary of one dataset as UTF-8 JSON, or null when it is not indexed.</summary>
    Task<byte[]?> GetStoredAsync(string id, CancellationToken cancellationToken = default);
}
