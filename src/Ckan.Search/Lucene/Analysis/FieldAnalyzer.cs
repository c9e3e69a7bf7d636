using Ckan.Search.Lucene.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;

namespace Ckan.Search.Lucene.Analysis;

/// <summary>
/// Picks the analysis by field: <see cref="TextAnalyzer"/> for text fields, and the whole value as one
/// token for every other field, so exact fields keep their case and spaces.
/// </summary>
internal sealed class FieldAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    private readonly TextAnalyzer _text = new();
    private readonly KeywordAnalyzer _keyword = new();

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        SolrSchema.KindOf(fieldName) == FieldKind.Text ? _text : _keyword;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text.Dispose();
            _keyword.Dispose();
        }

        base.Dispose(disposing);
    }
}
