using Ckan.DataStore.Safety;

namespace Ckan.DataStore.Tests.Safety;

public sealed class SqlScannerTests
{
    [Theory]
    [InlineData("SELECT 1", true)]
    [InlineData("SELECT 1;", true)]
    [InlineData("SELECT ';' AS semicolon", true)]
    [InlineData("SELECT \"a;b\" FROM t", true)]
    [InlineData("SELECT 1 -- ; DROP TABLE t", true)]
    [InlineData("SELECT $x$;$x$", true)]
    [InlineData("SELECT 1; SELECT 2", false)]
    [InlineData("SELECT 1 /* ; */ ; DROP TABLE t", false)]
    [InlineData("SELECT 'unterminated", false)]
    [InlineData("SELECT E'\\''; DROP TABLE t; --'", false)]
    public void Counts_statements_outside_strings_and_comments(string sql, bool single)
    {
        Assert.Equal(single, SqlScanner.IsSingleStatement(sql));
    }

    [Fact]
    public void Finds_called_functions_but_not_keywords_casts_or_column_lists()
    {
        var names = SqlScanner.FunctionNames(
            "WITH c(x) AS (SELECT 1) SELECT upper(name), \"PG_Sleep\"(1), pg_catalog.now(), CAST(a AS numeric(10, 2)), "
            + "b::varchar(5) FROM t AS s(a, b) WHERE a IN (1) AND 'lower(x)' = b");

        Assert.Equal(["upper", "\"PG_Sleep\"", "now"], names);
    }

    [Fact]
    public void Allow_list_matches_names_case_insensitively_unless_quoted()
    {
        var allowed = AllowedFunctions.Load(null);

        Assert.True(allowed.Allows("UPPER"));
        Assert.True(allowed.Allows("\"upper\""));
        Assert.False(allowed.Allows("\"UPPER\""));
        Assert.False(allowed.Allows("pg_sleep"));
        Assert.False(allowed.Allows("query_to_xml"));
    }
}
