using Ckan.Core.Search;
using Ckan.Search.Lucene.Querying;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene.Facets;

/// <summary>
/// The facet counting of one search: counts a match-all search already made on the same reader come
/// from <see cref="FacetTotalsCache"/>, and the other fields are counted during the search by
/// <see cref="Counter"/>, then cached when the search matches all.
/// </summary>
internal sealed class FacetSearch
{
    private readonly IndexReader _reader;
    private readonly FacetTotalsCache _cache;
    private readonly string? _matchAllKey;
    private readonly Dictionary<string, IReadOnlyDictionary<string, int>> _cached = new(StringComparer.Ordinal);

    public FacetSearch(IndexReader reader, SearchRequest request, FacetOrdinalCache ordinals, FacetTotalsCache cache)
    {
        _reader = reader;
        _cache = cache;
        _matchAllKey = request.FacetFields.Count > 0 ? SearchQueryFactory.MatchAllKey(request) : null;
        var uncounted = new List<string>();
        foreach (var field in request.FacetFields.Distinct(StringComparer.Ordinal))
        {
            if (_matchAllKey is not null && cache.Get(reader, CacheKey(field)) is { } totals)
            {
                _cached[field] = totals;
            }
            else
            {
                uncounted.Add(field);
            }
        }

        Counter = uncounted.Count > 0 ? new FacetCounter(uncounted, ordinals) : null;
    }

    /// <summary>The counter to feed the matching documents, or null when every field was cached.</summary>
    public FacetCounter? Counter { get; }

    /// <summary>Returns the counts of every requested field, after the search has run.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Totals()
    {
        var totals = new Dictionary<string, IReadOnlyDictionary<string, int>>(_cached, StringComparer.Ordinal);
        if (Counter is null)
        {
            return totals;
        }

        foreach (var (field, counts) in Counter.Totals())
        {
            totals[field] = counts;
            if (_matchAllKey is not null)
            {
                _cache.Add(_reader, CacheKey(field), counts);
            }
        }

        return totals;
    }

    private string CacheKey(string field) => $"{_matchAllKey}|{field.Length}:{field}";
}
