using Ckan.Search.Lucene.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ckan.Search.Tests.Lucene.Analysis;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("Población", "poblacion")]
    [InlineData("POBLACIONES", "poblacion")]
    [InlineData("Estadísticas", "estadistic")]
    [InlineData("estadístico", "estadistic")]
    [InlineData("Flooding", "flood")]
    [InlineData("floods", "flood")]
    [InlineData("Council's", "council")]
    [InlineData("Ñandú", "nandu")]
    public void Word_is_folded_and_stemmed(string word, string expected)
    {
        using var analyzer = new TextAnalyzer();

        var tokens = Tokens(analyzer, word);

        Assert.Equal([expected], tokens);
    }

    [Fact]
    public void Hyphens_and_punctuation_split_words()
    {
        using var analyzer = new TextAnalyzer();

        var tokens = Tokens(analyzer, "april-2021-purchase (card) transactions!");

        Assert.Equal(["april", "2021", "purch", "card", "transact"], tokens);
    }

    [Fact]
    public void Chinese_text_is_indexed_as_character_pairs()
    {
        using var analyzer = new TextAnalyzer();

        var tokens = Tokens(analyzer, "生態檢核 水");

        Assert.Equal(["生態", "態檢", "檢核", "水"], tokens);
    }

    [Fact]
    public void Full_width_letters_are_folded()
    {
        using var analyzer = new TextAnalyzer();

        var tokens = Tokens(analyzer, "ＣＳＶ");

        Assert.Equal(["csv"], tokens);
    }

    [Fact]
    public void Value_gap_stops_cross_value_phrases()
    {
        using var analyzer = new TextAnalyzer();

        var gap = analyzer.GetPositionIncrementGap("text");

        Assert.True(gap >= 100);
    }

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}
