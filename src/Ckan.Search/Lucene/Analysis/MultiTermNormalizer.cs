using Lucene.Net.Analysis.Miscellaneous;

namespace Ckan.Search.Lucene.Analysis;

/// <summary>
/// Prepares the text of wildcard, prefix, fuzzy and range terms on text fields as Solr's multi-term
/// analysis does: lowercase and ASCII folding, without splitting or stemming, so wildcard characters
/// survive and <c>title:Inunda*</c> finds "inundación".
/// </summary>
internal static class MultiTermNormalizer
{
    /// <summary>Returns the term lowercased (invariant culture) and folded to ASCII.</summary>
    public static string Normalize(string term)
    {
        var lower = term.ToLowerInvariant().ToCharArray();
        var folded = new char[lower.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, folded, 0, lower.Length);
        return new string(folded, 0, length);
    }
}
