using System.Text;

namespace Ckan.Core.Uploads;

/// <summary>
/// Tidies the file name of an upload the way CKAN 2.11's <c>munge_filename</c> does: the folder part is
/// dropped, letters are lower-cased and reduced to ASCII, characters outside <c>a-z 0-9 _ . -</c> are
/// removed, spaces become dashes, and the name is padded to 3 and cut to 100 characters with the
/// extension (at most 21 characters) kept.
/// </summary>
public static class UploadFileName
{
    private const int MaxExtensionLength = 21;
    private const int MaxTotalLength = 100;
    private const int MinTotalLength = 3;

    // The portal runs with invariant globalization, where Unicode normalization is unavailable, so
    // accented Latin letters are mapped by table. CKAN maps Latin-1 only, so this also keeps letters such
    // as ł and ś that CKAN drops. Other letters are dropped by KeepAllowed.
    private static readonly (string Letters, string Ascii)[] AccentGroups =
    [
        ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
        ("źżž", "z"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("þ", "th"), ("ð", "th"),
    ];

    private static readonly Dictionary<char, string> AsciiEquivalents = AccentGroups
        .SelectMany(group => group.Letters.Select(letter => (letter, group.Ascii)))
        .ToDictionary(pair => pair.letter, pair => pair.Ascii);

    /// <summary>Returns the tidied name: at least 3 characters, with no folder separators.</summary>
    public static string Munge(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);

        var lastSeparator = fileName.LastIndexOfAny(['/', '\\']);
        var name = fileName[(lastSeparator + 1)..].ToLowerInvariant().Trim();
        name = CollapseDashes(KeepAllowed(ToAscii(name)));

        // As Python's splitext, leading dots belong to the stem, so ".." has no extension.
        var dot = name.LastIndexOf('.');
        var hasExtension = dot > 0 && name[..dot].Any(character => character != '.');
        var (stem, extension) = hasExtension ? (name[..dot], name[dot..]) : (name, "");
        if (extension.Length > MaxExtensionLength)
        {
            extension = extension[..MaxExtensionLength];
        }

        // The minimum length of 3 also keeps "." and "..", which clients resolve as folders, out of URLs.
        stem = FitLength(stem, Math.Max(1, MinTotalLength - extension.Length), MaxTotalLength - extension.Length);
        return stem + extension;
    }

    private static string ToAscii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(AsciiEquivalents.TryGetValue(character, out var ascii) ? ascii : character.ToString());
        }

        return builder.ToString();
    }

    private static string KeepAllowed(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-')
            {
                builder.Append(character);
            }
            else if (character == ' ')
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }

    private static string CollapseDashes(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character != '-' || builder.Length == 0 || builder[^1] != '-')
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static string FitLength(string text, int minLength, int maxLength)
    {
        if (text.Length < minLength)
        {
            text += new string('_', minLength - text.Length);
        }

        return text.Length > maxLength ? text[..maxLength] : text;
    }
}
