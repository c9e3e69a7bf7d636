using Ckan.Search.Lucene.Sorting;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ckan.Search.Tests.Lucene.Sorting;

public sealed class NumericSortValuesTests
{
    [Fact]
    public void Values_read_with_zero_for_missing()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            writer.AddDocument([new NumericDocValuesField("key", 42)]);
            writer.AddDocument([new StringField("other", "x", Field.Store.NO)]);
            writer.AddDocument([new NumericDocValuesField("key", -7)]);
        }

        using var reader = DirectoryReader.Open(directory);
        var cache = new NumericSortValues();
        var segment = reader.Leaves[0].AtomicReader;

        var values = cache.Get(segment, "key");
        var again = cache.Get(segment, "key");
        var absent = cache.Get(segment, "absent");

        Assert.Equal([42L, 0L, -7L], values);
        Assert.Same(values, again);
        Assert.Equal([0L, 0L, 0L], absent);
    }
}
