using Ckan.Search.Lucene.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ckan.Search.Tests.Lucene.Analysis;

public sealed class FieldAnalyzerTests
{
    [Theory]
    [InlineData("title", "Climate Changes", new[] { "climat", "chang" })]
    [InlineData("extras_theme", "Health Care", new[] { "health", "care" })]
    [InlineData("tags", "Climate Changes", new[] { "Climate Changes" })]
    [InlineData("res_format", "CSV", new[] { "CSV" })]
    [InlineData("some_unknown_field", "Kept As Is", new[] { "Kept As Is" })]
    public void Field_kind_picks_the_analysis(string field, string text, string[] expected)
    {
        using var analyzer = new FieldAnalyzer();
        var tokens = new List<string>();

        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add(term.ToString());
            }

            stream.End();
        }

        Assert.Equal(expected, tokens);
    }
}
