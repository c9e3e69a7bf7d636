using System.Text.RegularExpressions;

namespace Ckan.Core.Schemas.Validators;

/// <summary>
/// CKAN's tag name rules: 2 to 100 characters of letters, digits (any script), spaces, <c>-</c>,
/// <c>_</c> and <c>.</c>.
/// </summary>
public static partial class TagRules
{
    /// <summary>Returns every message for the tag name, empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(string name)
    {
        var messages = new List<string>();
        if (name.Length < 2)
        {
            messages.Add($"Tag \"{name}\" length is less than minimum 2");
        }

        if (name.Length > 100)
        {
            messages.Add($"Tag \"{name}\" length is more than maximum 100");
        }

        if (!TagPattern().IsMatch(name))
        {
            messages.Add(
                $"Tag \"{name}\" can only contain alphanumeric characters, spaces (\" \"), hyphens (\"-\"), "
                + "underscores (\"_\") or dots (\".\")");
        }

        return messages;
    }

    [GeneratedRegex(@"^[\w \-.]*$")]
    private static partial Regex TagPattern();
}
