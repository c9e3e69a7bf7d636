using Ckan.Search.Lucene.Analysis;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Ckan.Search.Tests.Lucene.Schema;

public sealed class NumericPrecisionStepsTests
{
    [Theory]
    [InlineData(1_621_866_941_466L, 1_621_866_941_466L)]
    [InlineData(1_600_000_000_000L, 1_700_000_000_000L)]
    [InlineData(1_621_866_941_000L, 1_621_866_942_000L)]
    public void Date_ranges_match_an_index_of_the_default_step(long from, long to)
    {
        using var directory = new RAMDirectory();
        WriteDefaultStepNumbers(directory, date: 1_621_866_941_466L, integer: 7);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        var query = NumericRangeQuery.NewInt64Range("modified", NumericPrecisionSteps.Date, from, to, true, true);

        Assert.Equal(1, searcher.Search(query, 1).TotalHits);
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(0, 100)]
    [InlineData(6, 8)]
    public void Integer_ranges_match_an_index_of_the_default_step(int from, int to)
    {
        using var directory = new RAMDirectory();
        WriteDefaultStepNumbers(directory, date: 1_621_866_941_466L, integer: 7);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        var query = NumericRangeQuery.NewInt32Range("count", NumericPrecisionSteps.Integer, from, to, true, true);

        Assert.Equal(1, searcher.Search(query, 1).TotalHits);
    }

    /// <summary>Writes one document whose numbers have Lucene.NET's default precision step of 4.</summary>
    private static void WriteDefaultStepNumbers(RAMDirectory directory, long date, int integer)
    {
        using var analyzer = new FieldAnalyzer();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalyzer.Version, analyzer));
        writer.AddDocument(
        [
            new Int64Field("modified", date, Field.Store.NO),
            new Int32Field("count", integer, Field.Store.NO),
        ]);
        writer.Commit();
    }
}
