using System.Globalization;
using System.Text;
using Ckan.Core.Search;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Ckan.Search.Lucene.Indexing;

/// <summary>
/// Turns a dataset into the Lucene document stored for it: each Solr field indexed by its kind, facet
/// values as sorted-set doc values, sort keys as single-valued doc values, and the given JSON as a binary
/// doc value. Not thread safe: each indexing thread has its own factory, and a document must be added to
/// the index before the same factory creates the next one, since its fields read the factory's buffers.
/// </summary>
/// <remarks>
/// The JSON is a doc value rather than a stored field because Lucene compresses stored fields in blocks,
/// and decompressing them took most of the time of a search returning 20 datasets. In a one-off
/// measurement with Lucene.NET 4.8.0-beta00018 on 2 cores, reading a 7 KB dataset took about 120 µs from
/// stored fields and 5 µs from the doc value. The cost is an index larger by about the size of the JSON.
/// Text values are analyzed here, once each: most are indexed twice, in their own field and in the
/// catch-all <c>text</c>, and analysis took about a quarter of indexing time in a profile.
/// </remarks>
internal sealed class LuceneDocumentFactory(Analyzer analyzer)
{
    /// <summary>Lucene's limit on one indexed term or doc value, in UTF-8 bytes.</summary>
    private const int MaxTermBytes = 32766;

    private static readonly HashSet<string> StringSortFields = new(StringComparer.Ordinal) { "name", "title_string" };

    private static readonly HashSet<string> NumericSortFields = new(StringComparer.Ordinal)
    {
        "metadata_created", "metadata_modified", "num_resources", "num_tags",
    };

    /// <summary>
    /// An exact field as Lucene's StringField indexes it (one term, no norms, no positions). It is marked
    /// tokenized only so the field can take a token stream. What reaches the index is the same.
    /// </summary>
    private static readonly FieldType ExactType = CreateExactType();

    private readonly NumericTokenStreams _dates = new(NumericPrecisionSteps.Date);
    private readonly NumericTokenStreams _integers = new(NumericPrecisionSteps.Integer);

    private readonly TokenRecorder _recorder = new();

    // Every text field goes through the same analysis chain whatever its name, so equal values give
    // equal tokens and a value recorded for one field can be replayed in another.
    private readonly Dictionary<string, RecordedValue> _recorded = new(StringComparer.Ordinal);
    private readonly AttributeSource _sharedAttributes = new();

    // The exact values added to the current document. An exact field indexes documents only, without
    // frequencies, positions or norms, and its doc values are a set, so a repeated value (the format of
    // several resources, say) would change nothing in the index but cost its inversion again.
    private readonly HashSet<IndexField> _exactValues = [];

    /// <summary>The Solr field holding the dataset id, which is also the index's unique key.</summary>
    public const string IdField = "id";

    /// <summary>
    /// Returns the dataset's id. Raises <see cref="ArgumentException"/> when the dictionary has none.
    /// </summary>
    public static string ReadId(IndexedDataset dataset) =>
        JsonScalars.Property(dataset.Dictionary, IdField) is { Length: > 0 } id
            ? id
            : throw new ArgumentException(
                "The dataset dictionary has no id, so it cannot be indexed.",
                nameof(dataset));

    /// <summary>Builds the document of a dataset whose id was read with <see cref="ReadId"/>.</summary>
    public Document Create(IndexedDataset dataset, string id)
    {
        _recorder.Clear();
        _recorded.Clear();
        _exactValues.Clear();
        _dates.Clear();
        _integers.Clear();
        var document = new Document();
        var sortKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in SolrDocumentBuilder.Build(dataset))
        {
            AddField(document, field, sortKeys);
        }

        AddPluginFields(document, dataset.PluginFields, sortKeys);

        document.Add(new BinaryDocValuesField(IndexFieldNames.StoredJson, new BytesRef(dataset.Json)));
        document.Add(new SortedDocValuesField(IndexFieldNames.SortKey(IdField), new BytesRef(id)));
        var modified = JsonScalars.Property(dataset.Dictionary, "metadata_modified") ?? "";
        document.Add(new BinaryDocValuesField(IndexFieldNames.RawModified, new BytesRef(modified)));
        return document;
    }

    /// <summary>
    /// Returns a stored date in milliseconds since the Unix epoch, or null when it is not a date. CKAN
    /// writes ISO 8601 without a zone, meaning UTC, and any other form .NET parses is accepted too.
    /// </summary>
    public static long? ParseStoredDate(string value)
    {
        if (!DateTimeOffset.TryParse(
                value,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var instant))
        {
            return null;
        }

        return instant.ToUnixTimeMilliseconds();
    }

    /// <summary>
    /// Adds what index plugins contributed: values by the schema's rules for their names (internal names
    /// are skipped), and numbers as doc values for rankings.
    /// </summary>
    private void AddPluginFields(Document document, IndexDocumentFields fields, HashSet<string> sortKeys)
    {
        foreach (var (name, value) in fields.Values)
        {
            if (SolrSchema.IsQueryable(name))
            {
                AddField(document, new IndexField(name, value), sortKeys);
            }
        }

        foreach (var (name, value) in fields.Numbers)
        {
            document.Add(new DoubleDocValuesField(IndexFieldNames.Number(name), value));
        }
    }

    private void AddField(Document document, IndexField field, HashSet<string> sortKeys)
    {
        switch (SolrSchema.KindOf(field.Name))
        {
            case FieldKind.Text:
                document.Add(AnalyzedField(field));
                if (SolrSchema.IsFaceted(field.Name) && FitsInTerm(field.Value))
                {
                    document.Add(new SortedSetDocValuesField(field.Name, new BytesRef(field.Value)));
                }

                break;
            case FieldKind.Exact:
                AddExact(document, field, sortKeys);
                break;
            case FieldKind.Date:
                AddDate(document, field, sortKeys);
                break;
            case FieldKind.Integer:
                AddInteger(document, field, sortKeys);
                break;
        }
    }

    /// <summary>
    /// Adds a string value, once per field. Values longer than Lucene's term limit are left out, since
    /// Lucene rejects the whole document otherwise (Solr rejects such a document too).
    /// </summary>
    private void AddExact(Document document, IndexField field, HashSet<string> sortKeys)
    {
        if (!FitsInTerm(field.Value) || !_exactValues.Add(field))
        {
            return;
        }

        document.Add(new Field(field.Name, new WholeValueTokenStream(_sharedAttributes, field.Value), ExactType));
        if (SolrSchema.IsFaceted(field.Name))
        {
            document.Add(new SortedSetDocValuesField(field.Name, new BytesRef(field.Value)));
        }

        if (StringSortFields.Contains(field.Name) && sortKeys.Add(field.Name))
        {
            document.Add(new SortedDocValuesField(IndexFieldNames.SortKey(field.Name), new BytesRef(field.Value)));
        }
    }

    /// <summary>Adds a date; a value that is not a date is dropped, as CKAN drops it.</summary>
    private void AddDate(Document document, IndexField field, HashSet<string> sortKeys)
    {
        if (ParseStoredDate(field.Value) is not { } milliseconds)
        {
            return;
        }

        // Indexed as Lucene's Int64Field indexes it (documents only, no norms), from a reused stream.
        document.Add(new Field(field.Name, _dates.Take(milliseconds), ExactType));
        if (NumericSortFields.Contains(field.Name) && sortKeys.Add(field.Name))
        {
            document.Add(new NumericDocValuesField(IndexFieldNames.SortKey(field.Name), milliseconds));
        }
    }

    private void AddInteger(Document document, IndexField field, HashSet<string> sortKeys)
    {
        if (!int.TryParse(field.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return;
        }

        document.Add(new Field(field.Name, _integers.Take(number), ExactType));
        document.Add(new SortedSetDocValuesField(
            field.Name,
            new BytesRef(number.ToString(CultureInfo.InvariantCulture))));
        if (NumericSortFields.Contains(field.Name) && sortKeys.Add(field.Name))
        {
            document.Add(new NumericDocValuesField(IndexFieldNames.SortKey(field.Name), number));
        }
    }

    /// <summary>Returns a text field whose tokens come from the value's one analysis in this document.</summary>
    private Field AnalyzedField(IndexField field)
    {
        if (!_recorded.TryGetValue(field.Value, out var recorded))
        {
            recorded = _recorder.Record(analyzer.GetTokenStream(field.Name, field.Value));
            _recorded[field.Value] = recorded;
        }

        var tokens = new ReplayTokenStream(_sharedAttributes, _recorder, recorded);
        return new Field(field.Name, tokens, TextField.TYPE_NOT_STORED);
    }

    private static FieldType CreateExactType()
    {
        var type = new FieldType(StringField.TYPE_NOT_STORED) { IsTokenized = true };
        type.Freeze();
        return type;
    }

    private static bool FitsInTerm(string value) =>
        value.Length * 3 <= MaxTermBytes || Encoding.UTF8.GetByteCount(value) <= MaxTermBytes;
}
