using System.Text;
using System.Text.RegularExpressions;
using Ckan.Core.Errors;

namespace Ckan.DataStore.Sqlite;

/// <summary>
/// Turns datastore_search's <c>q</c> into an FTS5 query with the meaning PostgreSQL gives it. Plain
/// text keeps only its words, each quoted, so every word must match (as <c>plainto_tsquery</c>) and
/// punctuation such as the dashes of <c>2019-2020-Q4</c> splits words the way the tokenizer does.
/// tsquery syntax (<c>plain=false</c>) maps <c>&amp;</c>, <c>|</c>, <c>!</c>, parentheses and
/// <c>:*</c> prefixes to FTS5's AND, OR, NOT, parentheses and <c>*</c>.
/// </summary>
public static partial class FtsQuery
{
    /// <summary>Returns the FTS5 query, or null when the text has no words (nothing matches).</summary>
    /// <exception cref="ValidationException">tsquery syntax FTS5 cannot express.</exception>
    public static string? Translate(string text, bool plain)
    {
        ArgumentNullException.ThrowIfNull(text);
        return plain ? Plain(text) : Operators(text);
    }

    private static string? Plain(string text)
    {
        var words = Word().Matches(text).Select(match => Quote(match.Value)).ToList();
        return words.Count == 0 ? null : string.Join(" AND ", words);
    }

    private static string? Operators(string text)
    {
        var query = new StringBuilder();
        var index = 0;
        var pendingNot = false;
        while (index < text.Length)
        {
            var current = text[index];
            if (char.IsWhiteSpace(current))
            {
                index++;
                continue;
            }

            switch (current)
            {
                case '&':
                    query.Append(pendingNot ? " NOT " : " AND ");
                    pendingNot = false;
                    index++;
                    continue;
                case '|':
                    query.Append(" OR ");
                    index++;
                    continue;
                case '!':
                    pendingNot = true;
                    RemoveTrailingAnd(query);
                    index++;
                    continue;
                case '(' or ')':
                    query.Append(current);
                    index++;
                    continue;
            }

            var match = Word().Match(text, index);
            if (!match.Success || match.Index != index)
            {
                throw ValidationException.ForField("q", $"syntax error in tsquery: \"{text}\"");
            }

            if (pendingNot)
            {
                query.Append(" NOT ");
                pendingNot = false;
            }

            query.Append(Quote(match.Value));
            index += match.Length;
            if (text.AsSpan(index).StartsWith(":*"))
            {
                query.Append(" *");
                index += 2;
            }
        }

        var result = query.ToString().Trim();
        if (result.StartsWith("NOT ", StringComparison.Ordinal))
        {
            throw ValidationException.ForField("q", "A query cannot start with \"!\" on the embedded DataStore.");
        }

        return result.Length == 0 ? null : result;
    }

    // "a & !b" becomes "a NOT b": FTS5's NOT is binary.
    private static void RemoveTrailingAnd(StringBuilder query)
    {
        const string and = " AND ";
        if (query.ToString().EndsWith(and, StringComparison.Ordinal))
        {
            query.Length -= and.Length;
        }
    }

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
