using System.Text.RegularExpressions;

namespace Ckan.Cli.Commands;

/// <summary>
/// Hides secrets in configuration values printed by <c>ckan config show</c>: whole values of secret options,
/// and the password part of URLs in any value.
/// </summary>
internal static partial class ConfigSecretMask
{
    /// <summary>The text printed in place of a secret.</summary>
    public const string Mask = "***";

    // Options whose whole value is a secret: any name containing one of these words, in any letter case.
    private static readonly string[] SecretWords = ["secret", "password", "passwd", "private_key", "privatekey"];

    // Options whose last dotted segment names a credential, such as ckan.datapusher.api_token. Other api_token.*
    // options (api_token.nbytes, api_token.jwt.algorithm) are not secrets and stay visible.
    private static readonly string[] CredentialSegments = ["api_token", "apikey", "api_key"];

    /// <summary>Returns the value to print for option <paramref name="key"/>.</summary>
    public static string MaskValue(string key, string value)
    {
        if (value.Length > 0 && IsSecretOption(key))
        {
            return Mask;
        }

        return UrlPassword().Replace(value, match => match.Groups["prefix"].Value + Mask + "@");
    }

    /// <summary>Tells whether the whole value of option <paramref name="key"/> is a secret.</summary>
    public static bool IsSecretOption(string key)
    {
        if (SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var lastSegment = key[(key.LastIndexOf('.') + 1)..];
        return CredentialSegments.Contains(lastSegment, StringComparer.OrdinalIgnoreCase);
    }

    // scheme://user:password@host, where the user part may be empty (redis://:password@host). The password
    // stops at the last "@" before the host, and "/" ends the authority, so a path cannot be taken for it.
    [GeneratedRegex(@"(?<prefix>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)[^/\s]*@")]
    private static partial Regex UrlPassword();
}
