using System.Text.RegularExpressions;

namespace Ckan.Core.Schemas.Validators;

/// <summary>
/// CKAN's rules for dataset, group, organization and user names: 2 to 100 characters of lowercase ASCII
/// letters, digits, <c>-</c> and <c>_</c>, and none of the words its URLs reserve.
/// </summary>
public static partial class NameRules
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "new", "edit", "search" };

    /// <summary>Returns CKAN's message for the first rule the name breaks, or null when it is valid.</summary>
    public static string? Check(string name)
    {
        if (name.Length < 2)
        {
            return "Must be at least 2 characters long";
        }

        if (name.Length > 100)
        {
            return "Name must be a maximum of 100 characters long";
        }

        if (!NamePattern().IsMatch(name))
        {
            return "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_";
        }

        return Reserved.Contains(name) ? "That name cannot be used" : null;
    }

    [GeneratedRegex("^[a-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
