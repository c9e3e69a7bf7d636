using Ckan.Search.Lucene.Indexing;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Documents;

namespace Ckan.Search.Tests.Lucene.Indexing;

public sealed class LuceneDocumentFactoryTests
{
    [Fact]
    public void Document_stores_the_given_json_and_id()
    {
        var dataset = DatasetFactory.Indexed(DatasetFactory.Create());

        var id = LuceneDocumentFactory.ReadId(dataset);
        var document = LuceneDocumentFactory.Create(dataset, id);

        Assert.Equal(DatasetFacts.Id(dataset.Dictionary), id);
        Assert.Equal(dataset.Json, document.GetBinaryValue(IndexFieldNames.StoredJson).Bytes);
    }

    [Fact]
    public void Dictionary_without_id_is_rejected()
    {
        var dictionary = DatasetFactory.Create();
        dictionary.Remove("id");

        var error = Assert.Throws<ArgumentException>(
            () => LuceneDocumentFactory.ReadId(DatasetFactory.Indexed(dictionary)));

        Assert.Contains("no id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_are_typed_by_kind()
    {
        var dataset = DatasetFactory.Indexed(DatasetFactory.Create(tags: ["one"]));

        var document = LuceneDocumentFactory.Create(dataset, "id");

        Assert.IsType<TextField>(document.GetField("title"));
        Assert.IsType<StringField>(document.GetField("tags"));
        Assert.IsType<Int64Field>(document.GetField("metadata_modified"));
        Assert.IsType<Int32Field>(document.GetField("num_tags"));
        Assert.NotNull(document.GetField(IndexFieldNames.SortKey("name")));
        Assert.NotNull(document.GetField(IndexFieldNames.SortKey("metadata_modified")));
    }

    [Fact]
    public void Dates_that_do_not_parse_are_dropped()
    {
        var dictionary = DatasetFactory.Create(
            extras: [("release_date", "sometime soon"), ("review_date", "2021-02-03")]);

        var document = LuceneDocumentFactory.Create(DatasetFactory.Indexed(dictionary), "id");

        Assert.Empty(document.GetFields("release_date"));
        Assert.Single(document.GetFields("review_date"));
    }

    [Fact]
    public void Exact_values_over_the_term_limit_are_dropped()
    {
        var dictionary = DatasetFactory.Create(tags: ["short", new string('x', 40_000)]);

        var document = LuceneDocumentFactory.Create(DatasetFactory.Indexed(dictionary), "id");

        var tags = document.GetFields("tags").OfType<StringField>().Select(field => field.GetStringValue());
        Assert.Equal(["short"], tags);
    }

    [Theory]
    [InlineData("2021-05-24T14:35:41.466083", 1621866941466L)]
    [InlineData("2021-05-24T14:35:41Z", 1621866941000L)]
    [InlineData("2021-05-24", 1621814400000L)]
    public void Stored_dates_read_as_utc_milliseconds(string value, long expected)
    {
        var milliseconds = LuceneDocumentFactory.ParseStoredDate(value);

        Assert.Equal(expected, milliseconds);
    }

    [Fact]
    public void Unparseable_stored_date_is_null()
    {
        var milliseconds = LuceneDocumentFactory.ParseStoredDate("not a date");

        Assert.Null(milliseconds);
    }
}
