namespace Ckan.DataStore.Safety;

/// <summary>
/// A small lexer for user SQL that skips strings (<c>'..'</c>, <c>E'..'</c>, dollar quotes), quoted
/// identifiers and comments, so that semicolons and names inside them are not mistaken for code.
/// datastore_search_sql uses it to count statements and to list the functions a query calls. Text it
/// cannot read (an unterminated string or comment) counts as unsafe.
/// </summary>
public static class SqlScanner
{
    // Words that may stand before "(" without being a function call.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "in", "as", "and", "or", "not", "exists", "any", "all", "some", "values",
        "on", "using", "over", "filter", "within", "partition", "by", "order", "group", "having", "join",
        "lateral", "with", "union", "intersect", "except", "case", "when", "then", "else", "is", "like",
        "ilike", "similar", "between", "distinct", "array", "row", "limit", "offset", "cast", "rows",
        "range", "groups", "preceding", "following", "recursive", "materialized", "inner", "outer",
        "left", "right", "full", "cross", "natural", "asc", "desc", "nulls", "first", "last", "fetch",
        "only", "escape", "to", "for", "isnull", "notnull", "interval", "end", "grouping", "sets",
        "rollup", "cube", "tablesample", "repeatable", "ordinality", "at", "zone",
    };

    /// <summary>Returns whether the text contains at most one statement (a trailing semicolon is allowed).</summary>
    public static bool IsSingleStatement(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);

        // CKAN rejects backslash-escaped quotes outright, because their meaning depends on server settings.
        if (sql.Contains("\\'", StringComparison.Ordinal))
        {
            return false;
        }

        var tokens = Tokenize(sql);
        if (tokens is null)
        {
            return false;
        }

        var separator = tokens.FindIndex(token => token.Kind == TokenKind.Symbol && token.Text == ";");
        return separator < 0 || tokens.Skip(separator + 1).All(token => token.Text == ";");
    }

    /// <summary>
    /// Returns the names of the functions the SQL calls: each name (quoted names keep their quotes,
    /// qualified names their last part) standing before <c>(</c> that is not a keyword or a type in a
    /// cast. Returns null when the text cannot be read.
    /// </summary>
    public static IReadOnlyList<string>? FunctionNames(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = Tokenize(sql);
        if (tokens is null)
        {
            return null;
        }

        var names = new List<string>();
        for (var index = 0; index + 1 < tokens.Count; index++)
        {
            var token = tokens[index];
            var isName = token.Kind is TokenKind.Word or TokenKind.QuotedName;
            if (!isName || tokens[index + 1].Text != "(")
            {
                continue;
            }

            if (token.Kind == TokenKind.Word && Keywords.Contains(token.Text))
            {
                continue;
            }

            var previous = index > 0 ? tokens[index - 1].Text : "";
            if (previous == "::" || previous.Equals("as", StringComparison.OrdinalIgnoreCase) || IsCteColumnList(tokens, index + 1))
            {
                continue;
            }

            names.Add(token.Kind == TokenKind.QuotedName ? token.Text : token.Text.ToLowerInvariant());
        }

        return names;
    }

    // "name (a, b) AS (" names a common table expression's columns; "upper(x) AS label" is a call.
    private static bool IsCteColumnList(List<Token> tokens, int open)
    {
        var depth = 0;
        for (var index = open; index < tokens.Count; index++)
        {
            depth += tokens[index].Text switch { "(" => 1, ")" => -1, _ => 0 };
            if (depth != 0)
            {
                continue;
            }

            var next = index + 1 < tokens.Count ? tokens[index + 1].Text : "";
            var after = index + 2 < tokens.Count ? tokens[index + 2].Text : "";
            return next.Equals("as", StringComparison.OrdinalIgnoreCase)
                && (after == "(" || after.Equals("materialized", StringComparison.OrdinalIgnoreCase)
                    || after.Equals("not", StringComparison.OrdinalIgnoreCase));
        }

        return false;
    }

    private enum TokenKind
    {
        Word,
        QuotedName,
        Literal,
        Symbol,
    }

    private readonly record struct Token(TokenKind Kind, string Text);

    private static List<Token>? Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var index = 0;
        while (index < sql.Length)
        {
            var current = sql[index];
            if (char.IsWhiteSpace(current))
            {
                index++;
            }
            else if (current == '-' && Next(sql, index) == '-')
            {
                var end = sql.IndexOf('\n', index);
                index = end < 0 ? sql.Length : end + 1;
            }
            else if (current == '/' && Next(sql, index) == '*')
            {
                index = SkipBlockComment(sql, index);
                if (index < 0)
                {
                    return null;
                }
            }
            else if (current == '\'' || ((current is 'e' or 'E') && Next(sql, index) == '\''))
            {
                index = SkipString(sql, current == '\'' ? index : index + 1, current != '\'');
                if (index < 0)
                {
                    return null;
                }

                tokens.Add(new Token(TokenKind.Literal, "'"));
            }
            else if (current == '"')
            {
                var end = SkipQuotedName(sql, index);
                if (end < 0)
                {
                    return null;
                }

                tokens.Add(new Token(TokenKind.QuotedName, sql[index..end].Replace("\"\"", "\"", StringComparison.Ordinal)));
                index = end;
            }
            else if (current == '$' && DollarTag(sql, index) is { } tag)
            {
                var end = sql.IndexOf(tag, index + tag.Length, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                tokens.Add(new Token(TokenKind.Literal, "$"));
                index = end + tag.Length;
            }
            else if (char.IsLetter(current) || current == '_')
            {
                var start = index;
                while (index < sql.Length && (char.IsLetterOrDigit(sql[index]) || sql[index] is '_' or '$'))
                {
                    index++;
                }

                tokens.Add(new Token(TokenKind.Word, sql[start..index]));
            }
            else if (current == ':' && Next(sql, index) == ':')
            {
                tokens.Add(new Token(TokenKind.Symbol, "::"));
                index += 2;
            }
            else if (current == '.' && tokens.Count > 0 && tokens[^1].Kind is TokenKind.Word or TokenKind.QuotedName)
            {
                // A qualified name: only its last part names the function or table.
                tokens.RemoveAt(tokens.Count - 1);
                index++;
            }
            else
            {
                tokens.Add(new Token(char.IsDigit(current) ? TokenKind.Literal : TokenKind.Symbol, current.ToString()));
                index++;
            }
        }

        return tokens;
    }

    private static char Next(string sql, int index) => index + 1 < sql.Length ? sql[index + 1] : '\0';

    private static int SkipBlockComment(string sql, int index)
    {
        // PostgreSQL block comments nest.
        var depth = 0;
        while (index < sql.Length)
        {
            if (sql[index] == '/' && Next(sql, index) == '*')
            {
                depth++;
                index += 2;
            }
            else if (sql[index] == '*' && Next(sql, index) == '/')
            {
                depth--;
                index += 2;
                if (depth == 0)
                {
                    return index;
                }
            }
            else
            {
                index++;
            }
        }

        return -1;
    }

    private static int SkipString(string sql, int quote, bool backslashEscapes)
    {
        var index = quote + 1;
        while (index < sql.Length)
        {
            if (backslashEscapes && sql[index] == '\\')
            {
                index += 2;
            }
            else if (sql[index] == '\'')
            {
                if (Next(sql, index) != '\'')
                {
                    return index + 1;
                }

                index += 2;
            }
            else
            {
                index++;
            }
        }

        return -1;
    }

    private static int SkipQuotedName(string sql, int quote)
    {
        var index = quote + 1;
        while (index < sql.Length)
        {
            if (sql[index] == '"')
            {
                if (Next(sql, index) != '"')
                {
                    return index + 1;
                }

                index += 2;
            }
            else
            {
                index++;
            }
        }

        return -1;
    }

    private static string? DollarTag(string sql, int index)
    {
        var end = index + 1;
        while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
        {
            end++;
        }

        return end < sql.Length && sql[end] == '$' && (end == index + 1 || !char.IsDigit(sql[index + 1]))
            ? sql[index..(end + 1)]
            : null;
    }
}
