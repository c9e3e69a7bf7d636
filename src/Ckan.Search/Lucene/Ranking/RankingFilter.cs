using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Ckan.Search.Lucene.Ranking;

/// <summary>Keeps the documents whose <see cref="Core.Search.SearchRanking"/> score is above zero.</summary>
internal sealed class RankingFilter(LeafRankingCache rankings) : Filter
{
    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var scores = rankings.For(context.AtomicReader);
        return new PositiveScores(context.AtomicReader.MaxDoc, acceptDocs, scores);
    }

    private sealed class PositiveScores(int maxDoc, IBits acceptDocs, LeafRanking scores)
        : FieldCacheDocIdSet(maxDoc, acceptDocs)
    {
        protected override bool MatchDoc(int doc) => scores.Score(doc) > 0;
    }
}
