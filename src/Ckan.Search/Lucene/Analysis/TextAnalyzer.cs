using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Ckan.Search.Lucene.Analysis;

/// <summary>
/// The analysis of text fields for English and Spanish catalogs, the same at index and query time. It
/// splits words at Unicode word boundaries (hyphenated names too), folds full-width letters, removes
/// English possessives and lowercases. Then it pairs Chinese, Japanese and Korean characters, folds to
/// ASCII (so "poblacion" finds "Población"), and stems with Snowball English and Lucene's light Spanish
/// stemmer.
/// </summary>
/// <remarks>
/// The Snowball English stemmer is the one CKAN's Solr schema uses, so English catalogs match as they
/// do in CKAN ("flooding" finds "flood"). The light Spanish stemmer after it removes Spanish plural and
/// gender endings, so "estadísticas", "estadístico" and "estadística" share a stem. In words of five or
/// more letters it trims a final a, e or o and the endings -as, -es and -os. It trims English words the
/// same way ("purchase" becomes "purch"), which is harmless because queries pass through the same chain.
/// Both stemmers run on every token because a dataset's language is not known. Solr's synonym and
/// word-delimiter filters are not reproduced.
/// Text in Chinese, Japanese or Korean has no spaces between words, so it is indexed as overlapping
/// character pairs, as Lucene's CJK analyzer does: "生態檢核" becomes 生態, 態檢 and 檢核, and a query
/// for 生態 finds it. A single character only matches where it stands alone. CKAN's Solr schema keeps
/// such text as one token per run of characters, which only matches the whole run.
/// </remarks>
internal sealed class TextAnalyzer : Analyzer
{
    /// <summary>Solr's positionIncrementGap for text fields, so phrases do not span two values.</summary>
    private const int ValueGap = 100;

    /// <summary>The Lucene version whose analysis behaviour the filters follow.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new SnowballFilter(stream, new EnglishStemmer());
        stream = new SpanishLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;
}
