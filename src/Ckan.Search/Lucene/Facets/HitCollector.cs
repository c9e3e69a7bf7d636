using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Facets;

/// <summary>
/// Visits every match once, counting hits and facet values and passing each match to the collector of
/// the requested page (absent when the page is empty, as with rows=0).
/// </summary>
internal sealed class HitCollector(ICollector? page, FacetCounter? facets) : ICollector
{
    /// <summary>How many documents matched.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => page?.AcceptsDocsOutOfOrder ?? true;

    public void SetScorer(Scorer scorer) => page?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        page?.SetNextReader(context);
        facets?.StartSegment(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        page?.Collect(doc);
        facets?.Collect(doc);
    }
}
