using Ckan.Search.Lucene.Facets;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ckan.Search.Tests.Lucene.Facets;

public sealed class FacetTotalsCacheTests
{
    [Fact]
    public void Counts_are_kept_per_reader()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            writer.Commit();
        }

        using var first = DirectoryReader.Open(directory);
        using var second = DirectoryReader.Open(directory);
        var cache = new FacetTotalsCache();
        var totals = new Dictionary<string, int> { ["a"] = 1 };

        cache.Add(first, "key", totals);

        Assert.Same(totals, cache.Get(first, "key"));
        Assert.Null(cache.Get(first, "other"));
        Assert.Null(cache.Get(second, "key"));
    }
}
