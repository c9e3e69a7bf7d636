using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Querying;

/// <summary>
/// Makes boolean queries that only exclude (<c>-tags:economy</c>, <c>NOT res_format:PDF</c>) match every
/// other dataset, as Solr does; in plain Lucene they match nothing.
/// </summary>
internal static class PureNegativeQueries
{
    /// <summary>Adds a match-all clause to every boolean query in the tree whose clauses are all prohibited.</summary>
    public static Query Complete(Query query)
    {
        if (query is not BooleanQuery boolean)
        {
            return query;
        }

        foreach (var clause in boolean.Clauses)
        {
            clause.Query = Complete(clause.Query);
        }

        if (boolean.Clauses.Count > 0 && boolean.Clauses.All(clause => clause.IsProhibited))
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return boolean;
    }
}
