using System.Globalization;
using Ckan.Search.Lucene.Analysis;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Querying;

/// <summary>
/// Lucene's classic parser set up as CKAN queries Solr (default field <c>text</c>, default operator
/// AND) and aware of the field kinds: exact fields match whole values, date and integer fields take
/// values and ranges (dates with Solr date math), and wildcard terms on text fields are lowercased and
/// folded as the indexed text is. Invalid values and unsupported combinations raise
/// <see cref="FormatException"/> naming the field. Not thread safe: make one per parse.
/// </summary>
internal sealed class SolrStandardQueryParser : QueryParser
{
    private readonly DateTimeOffset _now;

    public SolrStandardQueryParser(Analyzer analyzer, DateTimeOffset now)
        : base(TextAnalyzer.Version, SolrSchema.DefaultField, analyzer)
    {
        _now = now;
        DefaultOperator = Operator.AND;
        AllowLeadingWildcard = true;
        LowercaseExpandedTerms = false;
        AutoGeneratePhraseQueries = false;
    }

    /// <summary>Builds the query for one value on one field, as a fielded term in the query would.</summary>
    public Query? BuildFieldQuery(string field, string text, bool quoted) => GetFieldQuery(field, text, quoted);

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        CheckField(field);
        switch (SolrSchema.KindOf(field))
        {
            case FieldKind.Date:
                var instant = ParseDate(field, queryText);
                return NumericRangeQuery.NewInt64Range(
                    field, NumericPrecisionSteps.Date, instant, instant, true, true);
            case FieldKind.Integer:
                var number = ParseInteger(field, queryText);
                return NumericRangeQuery.NewInt32Range(
                    field, NumericPrecisionSteps.Integer, number, number, true, true);
            default:
                return base.GetFieldQuery(field, queryText, quoted);
        }
    }

    protected override Query GetRangeQuery(
        string field,
        string part1,
        string part2,
        bool startInclusive,
        bool endInclusive)
    {
        CheckField(field);
        switch (SolrSchema.KindOf(field))
        {
            case FieldKind.Date:
                return NumericRangeQuery.NewInt64Range(
                    field,
                    NumericPrecisionSteps.Date,
                    part1 is null ? null : ParseDate(field, part1),
                    part2 is null ? null : ParseDate(field, part2),
                    startInclusive,
                    endInclusive);
            case FieldKind.Integer:
                return NumericRangeQuery.NewInt32Range(
                    field,
                    NumericPrecisionSteps.Integer,
                    part1 is null ? null : ParseInteger(field, part1),
                    part2 is null ? null : ParseInteger(field, part2),
                    startInclusive,
                    endInclusive);
            case FieldKind.Text:
                return base.GetRangeQuery(
                    field,
                    part1 is null ? null : MultiTermNormalizer.Normalize(part1),
                    part2 is null ? null : MultiTermNormalizer.Normalize(part2),
                    startInclusive,
                    endInclusive);
            default:
                return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }
    }

    protected override Query GetWildcardQuery(string field, string termStr)
    {
        if (field == "*" && termStr == "*")
        {
            return new MatchAllDocsQuery();
        }

        CheckField(field);
        if (termStr == "*")
        {
            return HasValueQuery(field);
        }

        return base.GetWildcardQuery(field, PrepareMultiTerm(field, termStr, "wildcard"));
    }

    protected override Query GetPrefixQuery(string field, string termStr)
    {
        CheckField(field);
        return base.GetPrefixQuery(field, PrepareMultiTerm(field, termStr, "wildcard"));
    }

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
    {
        CheckField(field);
        return base.GetFuzzyQuery(field, PrepareMultiTerm(field, termStr, "fuzzy"), minSimilarity);
    }

    protected override Query GetRegexpQuery(string field, string termStr)
    {
        CheckField(field);
        return base.GetRegexpQuery(field, PrepareMultiTerm(field, termStr, "regular expression"));
    }

    /// <summary>Builds the query <c>field:*</c>: documents with any value in the field.</summary>
    private static Query HasValueQuery(string field) => SolrSchema.KindOf(field) switch
    {
        FieldKind.Date => NumericRangeQuery.NewInt64Range(
            field, NumericPrecisionSteps.Date, null, null, true, true),
        FieldKind.Integer => NumericRangeQuery.NewInt32Range(
            field, NumericPrecisionSteps.Integer, null, null, true, true),
        _ => new TermRangeQuery(field, null, null, true, true),
    };

    private static string PrepareMultiTerm(string field, string term, string queryKind)
    {
        return SolrSchema.KindOf(field) switch
        {
            FieldKind.Text => MultiTermNormalizer.Normalize(term),
            FieldKind.Exact => term,
            var kind => throw new FormatException(
                $"{queryKind} queries are not supported on the {kind.ToString().ToLowerInvariant()} field "
                + $"{field}; use a range such as {field}:[a TO b]."),
        };
    }

    private static void CheckField(string field)
    {
        if (field == "*")
        {
            throw new FormatException("the field name '*' is only allowed in '*:*', which matches every dataset.");
        }

        if (!SolrSchema.IsQueryable(field))
        {
            throw new FormatException($"undefined field {field}");
        }
    }

    private long ParseDate(string field, string text)
    {
        try
        {
            return SolrDateMath.Parse(text, _now).ToUnixTimeMilliseconds();
        }
        catch (FormatException error)
        {
            throw new FormatException($"{field}: {error.Message}", error);
        }
    }

    private static int ParseInteger(string field, string text)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw new FormatException($"{field}: invalid number '{text}', expected a whole number.");
    }
}
