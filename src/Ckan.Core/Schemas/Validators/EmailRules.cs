using System.Text.RegularExpressions;

namespace Ckan.Core.Schemas.Validators;

/// <summary>
/// The email address check CKAN 2.11 uses: the HTML5 "valid e-mail address" pattern, also rejecting a
/// leading dot, a trailing dot and two dots in a row.
/// </summary>
public static partial class EmailRules
{
    /// <summary>Returns whether the text is a syntactically valid email address.</summary>
    public static bool IsValid(string email) => EmailPattern().IsMatch(email);

    [GeneratedRegex(
        @"^(?!\.)(?!.*\.$)(?!.*?\.\.)"
        + @"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
        + @"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex EmailPattern();
}
