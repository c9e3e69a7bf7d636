using Ckan.Search.Lucene.Facets;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ckan.Search.Tests.Lucene.Facets;

public sealed class FacetCounterTests
{
    [Fact]
    public void Values_are_counted_over_matching_documents_across_segments()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            writer.AddDocument(Document("keep", "a", "b"));
            writer.AddDocument(Document("keep", "a", "a"));
            writer.Commit();
            writer.AddDocument(Document("keep", "b", "c"));
            writer.AddDocument(Document("drop", "a", "z"));
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var counter = new FacetCounter(["tags", "tags", "missing"], new FacetOrdinalCache());
        var collector = new HitCollector(null, counter);
        new IndexSearcher(reader).Search(new TermQuery(new Term("kind", "keep")), collector);
        var totals = counter.Totals();

        Assert.Equal(2, reader.Leaves.Count);
        Assert.Equal(3, collector.TotalHits);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 2, ["c"] = 1 }, totals["tags"]);
        Assert.Empty(totals["missing"]);
        Assert.Equal(2, totals.Count);
    }

    private static Document Document(string kind, params string[] tags)
    {
        var document = new Document { new StringField("kind", kind, Field.Store.NO) };
        foreach (var tag in tags)
        {
            document.Add(new SortedSetDocValuesField("tags", new BytesRef(tag)));
        }

        return document;
    }
}
