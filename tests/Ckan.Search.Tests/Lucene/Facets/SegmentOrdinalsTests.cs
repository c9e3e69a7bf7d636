using Ckan.Search.Lucene.Facets;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ckan.Search.Tests.Lucene.Facets;

public sealed class SegmentOrdinalsTests
{
    [Fact]
    public void Ordinals_list_each_document_values()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            writer.AddDocument(Document("b", "a"));
            writer.AddDocument(Document());
            writer.AddDocument(Document("c"));
        }

        using var reader = DirectoryReader.Open(directory);
        var ordinals = SegmentOrdinals.Read(reader.Leaves[0].AtomicReader, "tags");
        var missing = SegmentOrdinals.Read(reader.Leaves[0].AtomicReader, "absent");

        Assert.NotNull(ordinals);
        Assert.Equal(["a", "b", "c"], ordinals.Values);
        Assert.Equal([0, 2, 2, 3], ordinals.Starts);
        Assert.Equal([0, 1, 2], ordinals.Ordinals);
        Assert.Null(missing);
    }

    [Fact]
    public void Cache_reads_a_segment_field_once()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            writer.AddDocument(Document("a"));
        }

        using var reader = DirectoryReader.Open(directory);
        var cache = new FacetOrdinalCache();
        var segment = reader.Leaves[0].AtomicReader;

        var first = cache.Get(segment, "tags");
        var second = cache.Get(segment, "tags");

        Assert.Same(first, second);
    }

    private static Document Document(params string[] tags)
    {
        var document = new Document { new StringField("id", Guid.NewGuid().ToString(), Field.Store.NO) };
        foreach (var tag in tags)
        {
            document.Add(new SortedSetDocValuesField("tags", new BytesRef(tag)));
        }

        return document;
    }
}
