using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Ckan.Core.Security;

/// <summary>
/// Password hashing compatible with CKAN's <c>user.password</c> column: passlib's
/// <c>pbkdf2_sha512</c> format, plus verification of the SHA-1 form used before CKAN 2.1.
/// </summary>
/// <remarks>
/// A pbkdf2_sha512 hash reads <c>$pbkdf2-sha512$&lt;rounds&gt;$&lt;salt&gt;$&lt;checksum&gt;</c>.
/// The checksum is PBKDF2-HMAC-SHA512 of the UTF-8 password with a 64-byte output, and salt and
/// checksum are written in passlib's adapted base64. All members are thread-safe.
/// </remarks>
public static class PasswordHasher
{
    /// <summary>The PBKDF2 iteration count for new hashes, which is passlib 1.7's default.</summary>
    public const int DefaultRounds = 25000;

    private const string Prefix = "$pbkdf2-sha512$";
    private const int SaltLength = 16;
    private const int ChecksumLength = 64;
    private const int LegacySaltLength = 40;
    private const int LegacyHashLength = 80;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// Hashes <paramref name="password"/> with PBKDF2-HMAC-SHA512 and a new random 16-byte salt.
    /// </summary>
    /// <param name="password">The password; any string, including an empty one.</param>
    /// <param name="rounds">The PBKDF2 iteration count, at least 1.</param>
    /// <returns>A hash in passlib's pbkdf2_sha512 format that passlib itself can verify.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="password"/> contains an unpaired surrogate, so it has no UTF-8 form.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounds"/> is less than 1.</exception>
    public static string Hash(string password, int rounds = DefaultRounds)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        if (!TryEncodeUtf8(password, out var passwordBytes))
        {
            throw new ArgumentException(
                "The password contains an unpaired surrogate character, so it cannot be encoded as UTF-8.",
                nameof(password));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var checksum = DeriveChecksum(passwordBytes, salt, rounds);

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}{rounds}${AdaptedBase64.Encode(salt)}${AdaptedBase64.Encode(checksum)}");
    }

    /// <summary>
    /// Checks <paramref name="password"/> against a pbkdf2_sha512 hash or a legacy CKAN hash
    /// (80 hex digits: a 40-character salt, then the hex SHA-1 of the UTF-8 password followed by that salt).
    /// The checksums are compared in constant time.
    /// </summary>
    /// <returns>
    /// True when the password matches. False when it does not, when the password or the hash is null
    /// or empty, when the password has no UTF-8 form (an unpaired surrogate), and when the hash is in
    /// neither format. This method does not throw.
    /// </returns>
    public static bool Verify(string password, string? hash)
    {
        if (string.IsNullOrEmpty(password) || string.IsNullOrEmpty(hash))
        {
            return false;
        }

        if (!TryEncodeUtf8(password, out var passwordBytes))
        {
            return false;
        }

        if (IsLegacyHash(hash))
        {
            return VerifyLegacy(passwordBytes, hash);
        }

        if (!TryParse(hash, out var rounds, out var salt, out var expected))
        {
            return false;
        }

        var actual = DeriveChecksum(passwordBytes, salt, rounds);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>
    /// Tells whether a hash that has just been verified should be replaced by a new <see cref="Hash"/>, as CKAN
    /// does on login.
    /// </summary>
    /// <returns>
    /// True for a legacy SHA-1 hash, for a pbkdf2_sha512 hash with fewer than <see cref="DefaultRounds"/>
    /// rounds or a salt shorter than 16 bytes, and for a hash in neither format.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="hash"/> is null.</exception>
    public static bool NeedsRehash(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);

        if (!TryParse(hash, out var rounds, out var salt, out _))
        {
            return true;
        }

        return rounds < DefaultRounds || salt.Length < SaltLength;
    }

    private static bool IsLegacyHash(string hash) =>
        hash.Length == LegacyHashLength && !hash.AsSpan().ContainsAnyExcept(HexDigits);

    private static byte[] DeriveChecksum(byte[] passwordBytes, byte[] salt, int rounds) =>
        Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt, rounds, HashAlgorithmName.SHA512, ChecksumLength);

    private static bool TryEncodeUtf8(string text, out byte[] bytes)
    {
        var buffer = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var status = Utf8.FromUtf16(text, buffer, out _, out var written, replaceInvalidSequences: false);

        bytes = status == OperationStatus.Done ? buffer[..written] : [];
        return status == OperationStatus.Done;
    }

    private static bool VerifyLegacy(byte[] passwordBytes, string hash)
    {
        var salt = Encoding.ASCII.GetBytes(hash[..LegacySaltLength]);
        var expected = Convert.FromHexString(hash.AsSpan(LegacySaltLength));

        var actual = SHA1.HashData([.. passwordBytes, .. salt]);

        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string hash, out int rounds, out byte[] salt, out byte[] checksum)
    {
        rounds = 0;
        salt = [];
        checksum = [];
        if (!hash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var fields = hash[Prefix.Length..].Split('$');
        if (fields.Length != 3 || !TryParseRounds(fields[0], out rounds))
        {
            return false;
        }

        return AdaptedBase64.TryDecode(fields[1], out salt)
            && AdaptedBase64.TryDecode(fields[2], out checksum)
            && checksum.Length == ChecksumLength;
    }

    // passlib rejects zero-padded rounds such as "025000", so they count as malformed here too.
    private static bool TryParseRounds(string text, out int rounds)
    {
        rounds = 0;
        if (text.Length == 0 || text[0] == '0')
        {
            return false;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out rounds);
    }
}
