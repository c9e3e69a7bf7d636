using Ckan.Search.Lucene.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ckan.Search.Tests.Lucene.Querying;

public sealed class PureNegativeQueriesTests
{
    [Fact]
    public void Only_prohibited_clauses_get_a_match_all_clause()
    {
        var query = new BooleanQuery { { Term("tags", "a"), Occur.MUST_NOT } };

        var completed = Assert.IsType<BooleanQuery>(PureNegativeQueries.Complete(query));

        Assert.Equal(2, completed.Clauses.Count);
        Assert.IsType<MatchAllDocsQuery>(completed.Clauses[1].Query);
    }

    [Fact]
    public void Nested_negative_group_is_completed()
    {
        var inner = new BooleanQuery { { Term("tags", "a"), Occur.MUST_NOT } };
        var query = new BooleanQuery { { Term("tags", "b"), Occur.MUST }, { inner, Occur.MUST } };

        PureNegativeQueries.Complete(query);

        Assert.Equal(2, query.Clauses.Count);
        Assert.Equal(2, inner.Clauses.Count);
    }

    [Fact]
    public void Query_with_a_positive_clause_is_unchanged()
    {
        var query = new BooleanQuery { { Term("tags", "a"), Occur.SHOULD }, { Term("tags", "b"), Occur.MUST_NOT } };

        PureNegativeQueries.Complete(query);

        Assert.Equal(2, query.Clauses.Count);
    }

    private static TermQuery Term(string field, string value) => new(new Term(field, value));
}
