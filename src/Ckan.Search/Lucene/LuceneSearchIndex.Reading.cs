using Ckan.Core.Errors;
using Ckan.Core.Search;
using Ckan.Search.Lucene.Facets;
using Ckan.Search.Lucene.Indexing;
using Ckan.Search.Lucene.Querying;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Ckan.Search.Lucene;

public sealed partial class LuceneSearchIndex
{
    /// <inheritdoc />
    /// <remarks>
    /// Raises <see cref="SearchQueryException"/> for q or fq text that cannot be parsed, a field that
    /// cannot be sorted on, or a query that expands to too many terms.
    /// </remarks>
    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Start);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Rows);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        var query = _queries.Create(request, _clock.GetUtcNow());
        var sort = _sorts.Create(request.Sort);
        return Task.FromResult(Read(searcher => Execute(searcher, request, query, sort)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> ListIndexedAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        return Task.FromResult(Read(ListIndexed));
    }

    /// <inheritdoc />
    public Task<byte[]?> GetStoredAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        return Task.FromResult(Read(searcher =>
        {
            var hits = searcher.Search(new TermQuery(new Term(LuceneDocumentFactory.IdField, id)), 1);
            return hits.TotalHits == 0 ? null : LoadJson(searcher, hits.ScoreDocs[0].Doc);
        }));
    }

    private SearchResult Execute(IndexSearcher searcher, SearchRequest request, Query query, Sort sort)
    {
        var maxDoc = searcher.IndexReader.MaxDoc;
        var pageEnd = Math.Min((long)request.Start + request.Rows, maxDoc);
        var page = request.Rows > 0 && request.Start < maxDoc
            ? TopFieldCollector.Create(
                sort,
                (int)pageEnd,
                fillFields: false,
                trackDocScores: false,
                trackMaxScore: false,
                docsScoredInOrder: false)
            : null;
        var facets = new FacetSearch(searcher.IndexReader, request, _facetOrdinals, _facetTotals);
        var collector = new HitCollector(page, facets.Counter);
        searcher.Search(query, collector);

        var hits = page?.GetTopDocs(request.Start, request.Rows).ScoreDocs ?? [];
        return new SearchResult
        {
            Count = collector.TotalHits,
            Results = hits.Select(hit => LoadJson(searcher, hit.Doc)).ToList(),
            Facets = request.FacetFields.Count == 0
                ? new Dictionary<string, IReadOnlyList<FacetCount>>()
                : FacetRanking.Rank(
                    facets.Totals(),
                    request.FacetMinCount <= 0 ? CountVisibleValues(searcher, request) : null,
                    request.FacetLimit,
                    request.FacetMinCount),
        };
    }

    /// <summary>Counts the facet values of every dataset the caller may see, for facet.mincount=0.</summary>
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> CountVisibleValues(
        IndexSearcher searcher,
        SearchRequest request)
    {
        var facets = new FacetCounter(request.FacetFields, _facetOrdinals);
        searcher.Search(_queries.CreateVisible(request), new HitCollector(null, facets));
        return facets.Totals();
    }

    private static IReadOnlyDictionary<string, string> ListIndexed(IndexSearcher searcher)
    {
        var indexed = new Dictionary<string, string>(StringComparer.Ordinal);
        var id = new BytesRef();
        var modified = new BytesRef();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var ids = reader.GetSortedDocValues(IndexFieldNames.SortKey(LuceneDocumentFactory.IdField));
            var modifiedValues = reader.GetBinaryDocValues(IndexFieldNames.RawModified);
            if (ids is null || modifiedValues is null)
            {
                continue;
            }

            var live = reader.LiveDocs;
            for (var document = 0; document < reader.MaxDoc; document++)
            {
                if (live is not null && !live.Get(document))
                {
                    continue;
                }

                ids.Get(document, id);
                modifiedValues.Get(document, modified);
                indexed[id.Utf8ToString()] = modified.Utf8ToString();
            }
        }

        return indexed;
    }

    private static byte[] LoadJson(IndexSearcher searcher, int document)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(document, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(IndexFieldNames.StoredJson)
            ?? throw new InvalidOperationException(
                "The search index has no stored datasets; run `ckan search-index rebuild`.");
        var json = new BytesRef();
        values.Get(document - leaf.DocBase, json);
        return json.Bytes.AsSpan(json.Offset, json.Length).ToArray();
    }

    /// <summary>Runs a read on an acquired searcher, wrapping index failures for operators.</summary>
    private T Read<T>(Func<IndexSearcher, T> read)
    {
        IndexSearcher searcher;
        try
        {
            searcher = _searchers.Acquire();
        }
        catch (IOException error)
        {
            throw Unavailable(error);
        }

        try
        {
            return read(searcher);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new SearchQueryException(
                $"the query expands to more than {BooleanQuery.MaxClauseCount} terms; use a longer prefix.");
        }
        catch (IOException error)
        {
            throw Unavailable(error);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }
}
