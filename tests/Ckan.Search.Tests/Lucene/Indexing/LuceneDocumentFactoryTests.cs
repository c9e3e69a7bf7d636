using Ckan.Search.Lucene.Analysis;
using Ckan.Search.Lucene.Indexing;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Ckan.Search.Tests.Lucene.Indexing;

public sealed class LuceneDocumentFactoryTests
{
    private static readonly FieldAnalyzer Analyzer = new();
    private static readonly LuceneDocumentFactory Factory = new(Analyzer);

    [Fact]
    public void Document_stores_the_given_json_and_id()
    {
        var dataset = DatasetFactory.Indexed(DatasetFactory.Create());

        var id = LuceneDocumentFactory.ReadId(dataset);
        var document = Factory.Create(dataset, id);

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

        var document = Factory.Create(dataset, "id");

        Assert.Equal(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, IndexOptionsOf(document, "title"));
        Assert.False(document.GetField("title").IndexableFieldType.OmitNorms);
        Assert.Equal(IndexOptions.DOCS_ONLY, IndexOptionsOf(document, "tags"));
        Assert.True(document.GetField("tags").IndexableFieldType.OmitNorms);
        Assert.Equal(IndexOptions.DOCS_ONLY, IndexOptionsOf(document, "metadata_modified"));
        Assert.True(document.GetField("metadata_modified").IndexableFieldType.OmitNorms);
        Assert.Equal(IndexOptions.DOCS_ONLY, IndexOptionsOf(document, "num_tags"));
        Assert.True(document.GetField("num_tags").IndexableFieldType.OmitNorms);
        Assert.NotNull(document.GetField(IndexFieldNames.SortKey("name")));
        Assert.NotNull(document.GetField(IndexFieldNames.SortKey("metadata_modified")));
    }

    [Fact]
    public void Numbers_index_the_terms_of_their_precision_step()
    {
        var dataset = DatasetFactory.Indexed(DatasetFactory.Create(tags: ["one", "two"]));
        var modified = LuceneDocumentFactory.ParseStoredDate(
            dataset.Dictionary["metadata_modified"]!.GetValue<string>())!.Value;

        var document = Factory.Create(dataset, "id");

        var dateTerms = TermBytes(document, "metadata_modified");
        var integerTerms = TermBytes(document, "num_tags");
        Assert.Equal(4, dateTerms.Count);
        Assert.Equal(NumericTerms(new NumericTokenStream(NumericPrecisionSteps.Date).SetInt64Value(modified)), dateTerms);
        Assert.Single(integerTerms);
        Assert.Equal(NumericTerms(new NumericTokenStream(NumericPrecisionSteps.Integer).SetInt32Value(2)), integerTerms);
    }

    [Fact]
    public void Dates_that_do_not_parse_are_dropped()
    {
        var dictionary = DatasetFactory.Create(
            extras: [("release_date", "sometime soon"), ("review_date", "2021-02-03")]);

        var document = Factory.Create(DatasetFactory.Indexed(dictionary), "id");

        Assert.Empty(document.GetFields("release_date"));
        Assert.Single(document.GetFields("review_date"));
    }

    [Fact]
    public void Exact_values_over_the_term_limit_are_dropped()
    {
        var dictionary = DatasetFactory.Create(tags: ["short", new string('x', 40_000)]);

        var document = Factory.Create(DatasetFactory.Indexed(dictionary), "id");

        Assert.Equal(["short"], Terms(document, "tags"));
    }

    [Fact]
    public void Repeated_exact_values_are_added_once()
    {
        var dictionary = DatasetFactory.Create(formats: ["CSV", "JSON", "CSV", "csv"]);

        var document = Factory.Create(DatasetFactory.Indexed(dictionary), "id");

        Assert.Equal(["CSV", "JSON", "csv"], Terms(document, "res_format"));
        Assert.Equal(3, document.GetFields("res_format").Count(field => field is SortedSetDocValuesField));
    }

    [Fact]
    public void Text_copies_index_the_analyzed_tokens()
    {
        var dictionary = DatasetFactory.Create(
            name: "river-levels",
            title: "River levels of Población",
            notes: "Daily river levels, measured since 1990. 生態檢核",
            tags: ["Flooding"]);

        var dataset = DatasetFactory.Indexed(dictionary);
        var textValues = SolrDocumentBuilder.Build(dataset).Where(field => field.Name == "text");

        var document = Factory.Create(dataset, "id");

        Assert.Equal(Analyze("title", "River levels of Población"), Terms(document, "title"));
        Assert.Equal(Analyze("notes", "Daily river levels, measured since 1990. 生態檢核"), Terms(document, "notes"));
        Assert.Equal(textValues.SelectMany(field => Analyze("text", field.Value)), Terms(document, "text"));
        Assert.Contains("flood", Terms(document, "text"));
    }

    [Fact]
    public void Factory_starts_each_document_afresh()
    {
        var first = Factory.Create(DatasetFactory.Indexed(DatasetFactory.Create(title: "First title")), "one");
        Assert.Equal(["first", "titl"], Terms(first, "title"));

        var second = Factory.Create(DatasetFactory.Indexed(DatasetFactory.Create(title: "Second")), "two");

        Assert.Equal(["second"], Terms(second, "title"));
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

    private static IndexOptions IndexOptionsOf(Document document, string name) =>
        document.GetField(name).IndexableFieldType.IndexOptions;

    /// <summary>Returns the terms Lucene would index for the field, reading each indexed value's tokens.</summary>
    private static List<string> Terms(Document document, string name)
    {
        var terms = new List<string>();
        foreach (var field in document.GetFields(name).Where(field => field.IndexableFieldType.IsIndexed))
        {
            using var stream = field.GetTokenStream(Analyzer);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }

        return terms;
    }

    /// <summary>Returns the indexed bytes of every term of the field, for terms that are not text.</summary>
    private static List<string> TermBytes(Document document, string name)
    {
        var terms = new List<string>();
        foreach (var field in document.GetFields(name).Where(field => field.IndexableFieldType.IsIndexed))
        {
            terms.AddRange(NumericTerms(field.GetTokenStream(Analyzer)));
        }

        return terms;
    }

    /// <summary>Reads a stream to its end and returns each term's bytes in hexadecimal.</summary>
    private static List<string> NumericTerms(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ITermToBytesRefAttribute>();
            var terms = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                term.FillBytesRef();
                terms.Add(Convert.ToHexString(term.BytesRef.Bytes, term.BytesRef.Offset, term.BytesRef.Length));
            }

            stream.End();
            return terms;
        }
    }

    private static List<string> Analyze(string field, string value)
    {
        using var stream = Analyzer.GetTokenStream(field, value);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
