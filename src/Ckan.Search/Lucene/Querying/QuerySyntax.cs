using Ckan.Core.Errors;

namespace Ckan.Search.Lucene.Querying;

/// <summary>
/// Checks the balance of quotes, parentheses, range brackets and regular expression slashes before
/// parsing, so the error names the problem rather than the parser's expected tokens.
/// </summary>
internal static class QuerySyntax
{
    /// <summary>
    /// Raises <see cref="SearchQueryException"/> when a quote, parenthesis, range bracket or regular
    /// expression (<c>/.../</c> at the start of a term) in the standard Lucene syntax is not closed, or a
    /// closing character closes nothing. A backslash escapes the next character.
    /// </summary>
    public static void CheckBalanced(string text, string parameter)
    {
        var parentheses = new Stack<int>();
        int? quoteStart = null;
        int? rangeStart = null;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (character == '\\')
            {
                i++;
                continue;
            }

            if (quoteStart is not null)
            {
                quoteStart = character == '"' ? null : quoteStart;
                continue;
            }

            if (character == '/' && rangeStart is null && StartsTerm(text, i))
            {
                i = RegularExpressionEnd(text, i, parameter);
                continue;
            }

            switch (character)
            {
                case '"':
                    quoteStart = i;
                    break;
                case '[' or '{' when rangeStart is null:
                    rangeStart = i;
                    break;
                case '[' or '{':
                    throw Unbalanced(
                        parameter,
                        text,
                        $"range bracket '{character}' at position {i} is inside another range");
                case ']' or '}' when rangeStart is null:
                    throw Unbalanced(parameter, text, $"range bracket '{character}' at position {i} closes no range");
                case ']' or '}':
                    rangeStart = null;
                    break;
                case '(' when rangeStart is null:
                    parentheses.Push(i);
                    break;
                case ')' when rangeStart is null && parentheses.Count == 0:
                    throw Unbalanced(parameter, text, $"parenthesis ')' at position {i} closes nothing");
                case ')' when rangeStart is null:
                    parentheses.Pop();
                    break;
            }
        }

        if (quoteStart is { } quote)
        {
            throw Unbalanced(parameter, text, $"quote '\"' at position {quote} is never closed");
        }

        if (rangeStart is { } range)
        {
            throw Unbalanced(parameter, text, $"range bracket '{text[range]}' at position {range} is never closed");
        }

        if (parentheses.Count > 0)
        {
            throw Unbalanced(parameter, text, $"parenthesis '(' at position {parentheses.Peek()} is never closed");
        }
    }

    /// <summary>Returns whether the character at <paramref name="index"/> begins a term.</summary>
    private static bool StartsTerm(string text, int index) =>
        index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] is '(' or ':' or '+' or '-' or '!';

    private static int RegularExpressionEnd(string text, int start, string parameter)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '/')
            {
                return i;
            }
        }

        throw Unbalanced(parameter, text, $"regular expression '/' at position {start} is never closed");
    }

    private static SearchQueryException Unbalanced(string parameter, string text, string problem) =>
        new($"Cannot parse {parameter} '{text}': unbalanced {problem}.");
}
