using System.Text.RegularExpressions;

namespace Ckan.Core.Schemas.Validators;

/// <summary>The email address check CKAN uses, the HTML5 "valid e-mail address" pattern.</summary>
public static partial class EmailRules
{
    /// <summary>Returns whether the text is a syntactically valid email address.</summary>
    public static bool IsValid(string email) => EmailPattern().IsMatch(email);

    [GeneratedRegex(
        @"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex EmailPattern();
}
