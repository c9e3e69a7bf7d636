using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Ranking;

/// <summary>
/// Adds a <see cref="Core.Search.SearchRanking"/> score to the score of the wrapped query, as Solr adds a boost
/// function (<c>bf</c>) to the edismax score. The wrapped query must already filter with
/// <see cref="RankingFilter"/>.
/// </summary>
internal sealed class RankingScoreQuery(Query query, LeafRankingCache rankings) : CustomScoreQuery(query)
{
    private readonly LeafRankingCache _rankings = rankings;

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) =>
        new Provider(context, _rankings.For(context.AtomicReader));

    public override string ToString(string field) => $"ranked({base.ToString(field)})";

    private sealed class Provider(AtomicReaderContext context, LeafRanking scores) : CustomScoreProvider(context)
    {
        public override float CustomScore(int doc, float subQueryScore, float[] valSrcScores) =>
            subQueryScore + (float)scores.Score(doc);
    }
}
