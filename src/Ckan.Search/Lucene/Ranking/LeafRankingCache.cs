using System.Collections.Concurrent;
using Ckan.Core.Search;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene.Ranking;

/// <summary>
/// The per-segment scores of one search's ranking, prepared once and shared by its filter and its scorer.
/// Thread safe. It lives as long as the search's query.
/// </summary>
internal sealed class LeafRankingCache(SearchRanking ranking)
{
    private readonly ConcurrentDictionary<object, LeafRanking> _leaves = new();

    /// <summary>Returns the scores for a segment, preparing them on first use.</summary>
    public LeafRanking For(AtomicReader reader) =>
        _leaves.GetOrAdd(reader.CoreCacheKey, _ => LeafRanking.For(ranking, reader));
}
