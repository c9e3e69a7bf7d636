using System.Globalization;
using System.Text;

namespace Ckan.Ingest.Headers;

/// <summary>
/// Turns a file's header row into DataStore field ids that CKAN's DataStore accepts: no leading
/// underscore (which also keeps out <c>_id</c> and <c>_full_text</c>), no double quote, no surrounding
/// spaces, at most 63 bytes of UTF-8 (PostgreSQL's identifier limit), and unique. A blank header
/// becomes <c>field_N</c> with N its 1-based column number; a repeated id gets <c>_2</c>, <c>_3</c>
/// and so on. The label keeps the header exactly as written.
/// </summary>
public static class HeaderCleaner
{
    /// <summary>The longest field id in UTF-8 bytes.</summary>
    public const int MaxIdBytes = 63;

    /// <summary>Returns one cleaned header per column, in column order.</summary>
    public static IReadOnlyList<CleanHeader> Clean(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);

        var used = new HashSet<string>(StringComparer.Ordinal);
        var cleaned = new List<CleanHeader>(headers.Count);
        for (var column = 0; column < headers.Count; column++)
        {
            var label = headers[column];
            var id = Tidy(label);
            if (id.Length == 0)
            {
                id = GeneratedId(column);
            }

            id = MakeUnique(id, used);
            used.Add(id);
            cleaned.Add(new CleanHeader(id, label));
        }

        return cleaned;
    }

    /// <summary>Returns the id given to a column without a usable header: <c>field_N</c>, N 1-based.</summary>
    public static string GeneratedId(int column) => "field_" + (column + 1).ToString(CultureInfo.InvariantCulture);

    private static string Tidy(string label)
    {
        var text = label.Replace("\"", "", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("\0", "", StringComparison.Ordinal)
            .Trim()
            .TrimStart('_')
            .Trim();
        return CutToBytes(text, MaxIdBytes).TrimEnd();
    }

    private static string MakeUnique(string id, HashSet<string> used)
    {
        if (!used.Contains(id))
        {
            return id;
        }

        for (var number = 2; ; number++)
        {
            var suffix = "_" + number.ToString(CultureInfo.InvariantCulture);
            var candidate = CutToBytes(id, MaxIdBytes - suffix.Length) + suffix;
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    // Cuts at a character boundary so that no UTF-8 sequence or surrogate pair is split.
    private static string CutToBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > maxBytes)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
