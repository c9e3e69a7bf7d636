namespace Ckan.DataStore.Querying;

/// <summary>
/// Reads one term of CKAN's <c>sort</c> parameter: a column name, bare or double-quoted, then
/// optionally <c>asc</c>/<c>desc</c> and <c>nulls first</c>/<c>nulls last</c>. The name is returned
/// as data and later quoted, never pasted into SQL.
/// </summary>
public static class SortTermParser
{
    /// <summary>Returns the clause for a term, or null when the term is malformed.</summary>
    public static SortClause? Parse(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var text = term.Trim();
        string name;
        string[] words;
        if (text.StartsWith('"'))
        {
            var end = text.IndexOf('"', 1);
            if (end < 0)
            {
                return null;
            }

            name = text[1..end];
            words = text[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var modifiers = CountModifiers(parts);
            name = string.Join(' ', parts.Take(parts.Count - modifiers));
            words = parts.Skip(parts.Count - modifiers).ToArray();
        }

        return name.Length == 0 ? null : ReadModifiers(name, words);
    }

    private static int CountModifiers(List<string> parts)
    {
        var count = 0;
        var end = parts.Count;
        if (end >= 3 && IsWord(parts[end - 2], "nulls") && (IsWord(parts[end - 1], "first") || IsWord(parts[end - 1], "last")))
        {
            count += 2;
            end -= 2;
        }

        if (end >= 2 && (IsWord(parts[end - 1], "asc") || IsWord(parts[end - 1], "desc")))
        {
            count++;
        }

        return count;
    }

    private static SortClause? ReadModifiers(string name, string[] words)
    {
        var descending = false;
        bool? nullsFirst = null;
        var index = 0;
        if (index < words.Length && (IsWord(words[index], "asc") || IsWord(words[index], "desc")))
        {
            descending = IsWord(words[index], "desc");
            index++;
        }

        if (index + 1 < words.Length && IsWord(words[index], "nulls"))
        {
            if (!IsWord(words[index + 1], "first") && !IsWord(words[index + 1], "last"))
            {
                return null;
            }

            nullsFirst = IsWord(words[index + 1], "first");
            index += 2;
        }

        return index == words.Length ? new SortClause(name, descending, nullsFirst) : null;
    }

    private static bool IsWord(string word, string expected) =>
        string.Equals(word, expected, StringComparison.OrdinalIgnoreCase);
}
