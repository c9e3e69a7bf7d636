using Ckan.Search.Lucene.Analysis;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Querying;

/// <summary>
/// Emulates Solr's dismax parser with CKAN's settings for a q without a colon: each word or quoted phrase
/// becomes a disjunction over <c>name^4 title^4 tags^2 groups^2 text</c> (best field plus 0.1 of the
/// others), and the optional clauses follow CKAN's minimum-should-match rule. As in dismax, quotes,
/// <c>+</c>, <c>-</c> and the operators AND, OR, NOT, <c>&amp;&amp;</c> and <c>||</c> keep their meaning,
/// and every other special character is taken literally. Not thread safe: make one per parse.
/// </summary>
internal sealed class DisMaxQueryParser : QueryParser
{
    private const float TieBreaker = 0.1f;

    private static readonly (string Field, float Boost)[] QueryFields =
    [
        ("name", 4f),
        ("title", 4f),
        ("tags", 2f),
        ("groups", 2f),
        ("text", 1f),
    ];

    /// <summary>Characters Solr's dismax escapes before parsing (SolrPluginUtils.partialEscape).</summary>
    private const string EscapedCharacters = "\\!():^[]{}~*?/";

    private readonly SolrStandardQueryParser _fieldParser;

    public DisMaxQueryParser(Analyzer analyzer, SolrStandardQueryParser fieldParser)
        : base(TextAnalyzer.Version, SolrSchema.DefaultField, analyzer)
    {
        _fieldParser = fieldParser;
        DefaultOperator = Operator.OR;
    }

    /// <summary>
    /// Parses the user's text. Text the Lucene grammar still rejects after escaping (a dangling AND, for
    /// instance) is parsed again with every word taken literally, so this never raises for bad syntax.
    /// </summary>
    public Query ParseUserQuery(string text)
    {
        Query query;
        try
        {
            query = Parse(Prepare(text));
        }
        catch (ParseException)
        {
            query = Parse(EscapeEverything(text));
        }

        ApplyMinimumShouldMatch(query);
        return query;
    }

    protected override Query? GetFieldQuery(string field, string queryText, bool quoted)
    {
        var disjunction = new DisjunctionMaxQuery(TieBreaker);
        foreach (var (name, boost) in QueryFields)
        {
            if (_fieldParser.BuildFieldQuery(name, queryText, quoted) is not { } fieldQuery)
            {
                continue;
            }

            fieldQuery.Boost = boost;
            disjunction.Add(fieldQuery);
        }

        return disjunction.Disjuncts.Count == 0 ? null : disjunction;
    }

    /// <summary>
    /// Escapes the characters dismax treats literally, drops all quotes when they are unbalanced, and drops
    /// a '+' or '-' that precedes no word, as Solr does before parsing.
    /// </summary>
    private static string Prepare(string text)
    {
        var keepQuotes = text.Count(character => character == '"') % 2 == 0;
        var prepared = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (character == '"' && !keepQuotes)
            {
                continue;
            }

            if (character is '+' or '-' && IsDangling(text, i))
            {
                continue;
            }

            if (EscapedCharacters.Contains(character, StringComparison.Ordinal))
            {
                prepared.Append('\\');
            }

            prepared.Append(character);
        }

        return prepared.ToString();
    }

    /// <summary>Returns whether the operator at <paramref name="index"/> starts a word but no word follows.</summary>
    private static bool IsDangling(string text, int index)
    {
        var startsWord = index == 0 || char.IsWhiteSpace(text[index - 1]);
        var next = index + 1 < text.Length ? text[index + 1] : ' ';
        return startsWord && (char.IsWhiteSpace(next) || next is '+' or '-');
    }

    private static string EscapeEverything(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(word => '"' + Escape(word) + '"'));
    }

    /// <summary>
    /// Sets how many optional clauses must match. A query of a single word or phrase is not a boolean query
    /// and is required as it is.
    /// </summary>
    private static void ApplyMinimumShouldMatch(Query query)
    {
        if (query is not BooleanQuery boolean)
        {
            return;
        }

        var optional = boolean.Clauses.Count(clause => clause.Occur == Occur.SHOULD);
        boolean.MinimumNumberShouldMatch = MinimumShouldMatch.Required(optional);
    }
}
