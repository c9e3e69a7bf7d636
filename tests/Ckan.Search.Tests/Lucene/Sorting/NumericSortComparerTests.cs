using Ckan.Search.Lucene.Sorting;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ckan.Search.Tests.Lucene.Sorting;

public sealed class NumericSortComparerTests
{
    [Theory]
    [InlineData(false, new[] { "b", "d", "a", "c" })]
    [InlineData(true, new[] { "c", "a", "d", "b" })]
    public void Hits_sort_by_value_across_segments(bool descending, string[] expected)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            writer.AddDocument(Document("a", 30));
            writer.AddDocument(Document("b", -5));
            writer.Commit();
            writer.AddDocument(Document("c", 1_700_000_000_000));
            writer.AddDocument(Document("d", 0));
        }

        using var reader = DirectoryReader.Open(directory);
        var source = new NumericSortSource(new NumericSortValues());
        var sort = new Sort(new SortField("key", source, descending));

        var hits = new IndexSearcher(reader).Search(new MatchAllDocsQuery(), 10, sort);

        Assert.Equal(2, reader.Leaves.Count);
        Assert.Equal(expected, hits.ScoreDocs.Select(hit => reader.Document(hit.Doc).Get("name")));
    }

    private static Document Document(string name, long key) =>
    [
        new StringField("name", name, Field.Store.YES),
        new NumericDocValuesField("key", key),
    ];
}
