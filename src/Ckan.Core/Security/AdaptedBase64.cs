namespace Ckan.Core.Security;

/// <summary>
/// Passlib's "adapted base64": the standard base64 alphabet with <c>.</c> in place of <c>+</c>
/// and no <c>=</c> padding, as used in the salt and checksum fields of passlib's PBKDF2 hashes.
/// </summary>
internal static class AdaptedBase64
{
    /// <summary>Encodes <paramref name="data"/> as adapted base64.</summary>
    public static string Encode(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '.');

    /// <summary>
    /// Decodes adapted base64. Returns false for characters outside <c>[A-Za-z0-9./]</c>
    /// (so <c>+</c>, <c>=</c> and whitespace are rejected) and for impossible lengths.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        if (text.Length % 4 == 1)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && c != '/')
            {
                return false;
            }
        }

        var padded = new char[(text.Length + 3) / 4 * 4];
        text.CopyTo(padded);
        padded.AsSpan(0, text.Length).Replace('.', '+');
        padded.AsSpan(text.Length).Fill('=');

        var buffer = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(padded, buffer, out var written))
        {
            return false;
        }

        data = buffer[..written];
        return true;
    }
}
