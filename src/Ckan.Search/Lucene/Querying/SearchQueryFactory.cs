using Ckan.Core.Errors;
using Ckan.Core.Search;
using Ckan.Search.Lucene.Ranking;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Querying;

/// <summary>
/// Turns a <see cref="SearchRequest"/> into one Lucene query: q scores the hits, while fq, fq_list, the
/// states and the caller's permission labels only filter them.
/// </summary>
internal sealed class SearchQueryFactory(Analyzer analyzer)
{
    private readonly FilterCache _filters = new();

    /// <summary>
    /// Builds the query. q without a colon is parsed as dismax, anything else (q with a colon, every
    /// filter) with the standard Lucene syntax. Raises <see cref="SearchQueryException"/> for text that
    /// cannot be parsed.
    /// </summary>
    public Query Create(SearchRequest request, DateTimeOffset now)
    {
        var filter = new BooleanFilter { { VisibilityFilter(request), Occur.MUST } };
        foreach (var text in request.Filters.Where(text => !string.IsNullOrWhiteSpace(text)))
        {
            filter.Add(UserFilter(text, now), Occur.MUST);
        }

        var rankings = request.Ranking is { } ranking ? new LeafRankingCache(ranking) : null;
        if (rankings is not null)
        {
            filter.Add(new RankingFilter(rankings), Occur.MUST);
        }

        var main = ParseMain(request.Query, now);
        Query query = main is MatchAllDocsQuery ? new ConstantScoreQuery(filter) : new FilteredQuery(main, filter);
        return rankings is null ? query : new RankingScoreQuery(query, rankings);
    }

    /// <summary>
    /// Returns a key naming the datasets a match-all search selects (its states, labels and filters),
    /// or null when q selects by content, a filter depends on the time, or a ranking filters the hits.
    /// </summary>
    public static string? MatchAllKey(SearchRequest request)
    {
        if (request.Ranking is not null)
        {
            return null;
        }

        var query = request.Query.Trim();
        var filters = request.Filters.Where(text => !string.IsNullOrWhiteSpace(text)).ToList();
        if (query is not ("" or "*:*") || filters.Any(text => text.Contains("NOW", StringComparison.Ordinal)))
        {
            return null;
        }

        return CacheKey("match-all", [VisibilityKey(request)], filters);
    }

    /// <summary>Builds the query for every dataset the caller may see in the requested states.</summary>
    public Query CreateVisible(SearchRequest request) => new ConstantScoreQuery(VisibilityFilter(request));

    /// <summary>
    /// Returns the filter of one fq. Filters whose meaning depends on the time (date math with NOW) are
    /// rebuilt on every search, since the cached documents would go stale.
    /// </summary>
    private Filter UserFilter(string text, DateTimeOffset now)
    {
        if (text.Contains("NOW", StringComparison.Ordinal))
        {
            return new QueryWrapperFilter(ParseStandard(text, "fq", now));
        }

        return _filters.GetOrAdd(CacheKey("fq", [text]), () => new QueryWrapperFilter(ParseStandard(text, "fq", now)));
    }

    /// <summary>Returns the filter for the requested states and the caller's permission labels.</summary>
    private Filter VisibilityFilter(SearchRequest request)
    {
        if (request.States.Count == 0)
        {
            throw new ArgumentException("A search must include at least one dataset state.", nameof(request));
        }

        var states = request.States.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var labels = request.PermissionLabels?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return _filters.GetOrAdd(VisibilityKey(request), () =>
        {
            var filter = new BooleanFilter { { AnyOf("state", states), Occur.MUST } };
            if (labels is not null)
            {
                filter.Add(AnyOf("permission_labels", labels), Occur.MUST);
            }

            return filter;
        });
    }

    private Query ParseMain(string text, DateTimeOffset now)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed == "*:*")
        {
            return new MatchAllDocsQuery();
        }

        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return ParseStandard(trimmed, "q", now);
        }

        var parser = new DisMaxQueryParser(analyzer, new SolrStandardQueryParser(analyzer, now));
        return Guard(trimmed, "q", () => PureNegativeQueries.Complete(parser.ParseUserQuery(trimmed)));
    }

    private Query ParseStandard(string text, string parameter, DateTimeOffset now)
    {
        QuerySyntax.CheckBalanced(text, parameter);
        var parser = new SolrStandardQueryParser(analyzer, now);
        return Guard(text, parameter, () => PureNegativeQueries.Complete(parser.Parse(text)));
    }

    /// <summary>
    /// Runs a parse, turning the parser's own errors, invalid field values and argument errors from
    /// building a query (such as an invalid regular expression) into search query errors.
    /// </summary>
    private static Query Guard(string text, string parameter, Func<Query> parse)
    {
        try
        {
            return parse();
        }
        catch (ParseException error)
        {
            // Lucene's message repeats the whole query before the position of the problem.
            var message = FirstLine(error.Message);
            var repeated = $"Cannot parse '{text}': ";
            if (message.StartsWith(repeated, StringComparison.Ordinal))
            {
                message = message[repeated.Length..];
            }

            throw new SearchQueryException($"Cannot parse {parameter} '{text}': {message}");
        }
        catch (FormatException error)
        {
            throw new SearchQueryException($"Cannot parse {parameter} '{text}': {error.Message}");
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new SearchQueryException(
                $"Cannot parse {parameter} '{text}': it has more than {BooleanQuery.MaxClauseCount} clauses.");
        }
        catch (ArgumentException error)
        {
            throw new SearchQueryException($"Cannot parse {parameter} '{text}': {FirstLine(error.Message)}");
        }
    }

    private static string VisibilityKey(SearchRequest request)
    {
        var states = request.States.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var labels = request.PermissionLabels?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return labels is null ? CacheKey("visible-all", states) : CacheKey("visible", states, labels);
    }

    /// <summary>
    /// Joins a kind and lists of strings into a cache key. Each string is prefixed with its length and each
    /// list with its count, so different lists never give the same key, whatever characters they contain.
    /// </summary>
    private static string CacheKey(string kind, params IEnumerable<string>[] lists)
    {
        var key = new System.Text.StringBuilder(kind);
        foreach (var list in lists.Select(list => list.ToList()))
        {
            key.Append('|').Append(list.Count);
            foreach (var item in list)
            {
                key.Append('|').Append(item.Length).Append(':').Append(item);
            }
        }

        return key.ToString();
    }

    /// <summary>
    /// Returns a filter for documents with any of the values; with no values it matches nothing. A terms
    /// filter has no clause limit, so a caller may hold thousands of labels.
    /// </summary>
    private static Filter AnyOf(string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return new QueryWrapperFilter(new BooleanQuery());
        }

        return new TermsFilter(values.Select(value => new Term(field, value)).ToList());
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
