using Ckan.Core.Errors;
using Ckan.Search.Lucene.Querying;

namespace Ckan.Search.Tests.Lucene.Querying;

public sealed class QuerySyntaxTests
{
    [Theory]
    [InlineData("title:(flood OR \"sea (level\")")]
    [InlineData("metadata_modified:[NOW-1DAY TO NOW}")]
    [InlineData("num_tags:{1 TO 5]")]
    [InlineData("title:\\(literal")]
    [InlineData("tags:\"a \\\" quote\"")]
    [InlineData("title:/fl[o]+d/ AND x:(y)")]
    [InlineData("url:\"http://x/(y\"")]
    [InlineData("")]
    public void Balanced_text_passes(string text)
    {
        QuerySyntax.CheckBalanced(text, "q");
    }

    [Theory]
    [InlineData("title:(flood", "parenthesis '(' at position 6 is never closed")]
    [InlineData("a) AND (b", "parenthesis ')' at position 1 closes nothing")]
    [InlineData("title:\"flood", "quote '\"' at position 6 is never closed")]
    [InlineData("x:[1 TO 2", "range bracket '[' at position 2 is never closed")]
    [InlineData("x:1 TO 2]", "range bracket ']' at position 8 closes no range")]
    [InlineData("x:[1 TO [2]", "range bracket '[' at position 8 is inside another range")]
    [InlineData("title:/flo", "regular expression '/' at position 6 is never closed")]
    public void Unbalanced_text_names_character_and_position(string text, string problem)
    {
        var error = Assert.Throws<SearchQueryException>(() => QuerySyntax.CheckBalanced(text, "fq"));

        Assert.Equal($"Cannot parse fq '{text}': unbalanced {problem}.", error.Detail);
    }
}
