using System.Text;
using Ckan.Core.Errors;

namespace Ckan.Core.Search;

/// <summary>
/// Splits a q or fq string into terms: words, <c>field:value</c> and <c>field:"quoted value"</c>, with
/// optional <c>+</c> or <c>-</c> prefixes and <c>AND</c> between them. Richer Solr syntax (OR, groups,
/// ranges) is rejected with a search query error that names it.
/// </summary>
public static class QueryTermParser
{
    /// <summary>Parses the text; <paramref name="parameter"/> names it in error messages.</summary>
    public static IReadOnlyList<QueryTerm> Parse(string text, string parameter)
    {
        var terms = new List<QueryTerm>();
        var position = 0;
        while (true)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length)
            {
                return terms;
            }

            var token = ReadToken(text, ref position, parameter);
            if (token is "AND" or "&&" or "*:*" or "")
            {
                continue;
            }

            if (token is "OR" or "||" or "NOT" || token.StartsWith('(') || token.Contains('[', StringComparison.Ordinal)
                || token.Contains('{', StringComparison.Ordinal))
            {
                throw new SearchQueryException(
                    $"\"{token}\" in {parameter} is not supported by the catalog search; "
                    + "use field:value terms, which are all required.");
            }

            terms.Add(ToTerm(token));
        }
    }

    private static QueryTerm ToTerm(string token)
    {
        var negated = token.StartsWith('-');
        if (negated || token.StartsWith('+'))
        {
            token = token[1..];
        }

        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || token.StartsWith('"'))
        {
            return new QueryTerm(null, Unquote(token), negated);
        }

        return new QueryTerm(token[..colon], Unquote(token[(colon + 1)..]), negated);
    }

    private static string ReadToken(string text, ref int position, string parameter)
    {
        var token = new StringBuilder();
        var inQuotes = false;
        while (position < text.Length)
        {
            var character = text[position];
            if (character == '\\' && position + 1 < text.Length)
            {
                token.Append(text[position + 1]);
                position += 2;
                continue;
            }

            if (character == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && char.IsWhiteSpace(character))
            {
                break;
            }

            token.Append(character);
            position++;
        }

        if (inQuotes)
        {
            throw new SearchQueryException($"unbalanced quotes in {parameter}: {text}");
        }

        return token.ToString();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value.StartsWith('"') && value.EndsWith('"') ? value[1..^1] : value;

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
