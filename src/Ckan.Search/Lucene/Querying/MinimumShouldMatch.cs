namespace Ckan.Search.Lucene.Querying;

/// <summary>
/// CKAN's dismax minimum-should-match rule <c>mm = "2&lt;-1 5&lt;80%"</c> (ckan/lib/search/query.py):
/// with one or two optional terms all must match, with three to five all but one, and with more, 80%
/// rounded down, as Solr rounds percentages.
/// </summary>
internal static class MinimumShouldMatch
{
    /// <summary>Returns how many of <paramref name="optionalClauses"/> optional clauses must match.</summary>
    public static int Required(int optionalClauses) => optionalClauses switch
    {
        <= 2 => optionalClauses,
        <= 5 => optionalClauses - 1,
        _ => optionalClauses * 80 / 100,
    };
}
