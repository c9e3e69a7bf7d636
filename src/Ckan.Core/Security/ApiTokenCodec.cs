using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ckan.Core.Security;

/// <summary>
/// Encoder and validator of CKAN API tokens. A token is an HMAC-signed JWT, in the form CKAN makes
/// with PyJWT, whose payload carries the <c>api_token</c> row id as <c>jti</c> and its creation time
/// as <c>iat</c>.
/// </summary>
/// <remarks>
/// An instance is immutable and thread-safe, so one instance per configuration serves every request.
/// </remarks>
public sealed class ApiTokenCodec
{
    private const string AlgorithmSetting = "api_token.jwt.algorithm";
    private const string EncodeSecretSetting = "api_token.jwt.encode.secret";
    private const string DecodeSecretSetting = "api_token.jwt.decode.secret";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _signingCredentials;
    private readonly TokenValidationParameters _validationParameters;

    /// <summary>
    /// Creates a codec from the values of CKAN's <c>api_token.jwt.*</c> settings.
    /// </summary>
    /// <param name="encodeSecret">
    /// The signing secret (<c>api_token.jwt.encode.secret</c>): <c>string:&lt;secret&gt;</c>, or
    /// <c>file:&lt;path&gt;</c> to read the secret from a UTF-8 file with surrounding whitespace
    /// trimmed. The caller applies CKAN's fallback to <c>string:</c> plus <c>SECRET_KEY</c> when the
    /// setting is unset.
    /// </param>
    /// <param name="decodeSecret">
    /// The verification secret (<c>api_token.jwt.decode.secret</c>), in the same form.
    /// </param>
    /// <param name="algorithm">
    /// The <c>api_token.jwt.algorithm</c> value: <c>HS256</c>, <c>HS384</c> or <c>HS512</c>.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The algorithm is not one of the three above, a secret lacks the <c>string:</c> or <c>file:</c>
    /// prefix, a secret file cannot be read, or a secret is empty. The message names the setting.
    /// </exception>
    /// <remarks>
    /// CKAN's <c>ckan/lib/api_token.py</c> uses a secret file's contents untrimmed, so tokens that CKAN
    /// signed with a key file ending in a newline do not validate here.
    /// </remarks>
    public ApiTokenCodec(string encodeSecret, string decodeSecret, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(encodeSecret);
        ArgumentNullException.ThrowIfNull(decodeSecret);
        ArgumentNullException.ThrowIfNull(algorithm);

        var minimumKeyLength = GetMinimumKeyLength(algorithm);
        var encodeKey = CreateKey(
            ReadSecret(encodeSecret, EncodeSecretSetting, nameof(encodeSecret)),
            minimumKeyLength);
        var decodeKey = CreateKey(
            ReadSecret(decodeSecret, DecodeSecretSetting, nameof(decodeSecret)),
            minimumKeyLength);

        _signingCredentials = new SigningCredentials(encodeKey, algorithm);
        _validationParameters = new TokenValidationParameters
        {
            IssuerSigningKey = decodeKey,
            ValidAlgorithms = [algorithm],
            RequireSignedTokens = true,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = false,
            ClockSkew = TimeSpan.Zero,
            LogValidationExceptions = false,
        };
    }

    /// <summary>
    /// Encodes an API token: a JWT with header <c>{"alg":…,"typ":"JWT"}</c> and payload exactly
    /// <c>{"jti":tokenId,"iat":seconds}</c>, signed with the encode secret.
    /// </summary>
    /// <param name="tokenId">The <c>api_token</c> row id, stored as <c>jti</c>.</param>
    /// <param name="createdAtUtc">
    /// The token's creation time, stored as <c>iat</c> in whole Unix seconds with the fraction dropped.
    /// A value of kind <see cref="DateTimeKind.Unspecified"/> is taken as UTC, and a local time is converted.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="tokenId"/> is null or empty.</exception>
    public string Encode(string tokenId, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);

        var payload = CreatePayload(tokenId, ToUnixSeconds(createdAtUtc));

        return _handler.CreateToken(payload, _signingCredentials);
    }

    /// <summary>
    /// Validates <paramref name="token"/> and returns its <c>jti</c>. Validation checks the signature against
    /// the decode secret and the configured algorithm, rejects a token whose <c>exp</c> has passed or whose
    /// <c>nbf</c> is still ahead (with no clock skew, as PyJWT does by default), and requires no claim
    /// besides <c>jti</c>.
    /// </summary>
    /// <returns>
    /// The token id, or null when the value is null, empty, not a JWT, signed differently, expired, or has
    /// no string <c>jti</c>. This method does not throw.
    /// </returns>
    public string? DecodeTokenId(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var result = Validate(token);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        return jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Jti, out var tokenId)
            && !string.IsNullOrEmpty(tokenId)
            ? tokenId
            : null;
    }

    /// <summary>
    /// Returns a new random token id like Python's <c>secrets.token_urlsafe(byteCount)</c>: unpadded
    /// base64url of <paramref name="byteCount"/> random bytes, so 43 characters for the default 32.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="byteCount"/> is less than 1.</exception>
    public static string NewTokenId(int byteCount = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(byteCount, 1);

        return Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(byteCount));
    }

    private TokenValidationResult Validate(string token)
    {
        // With a fixed key and no configuration manager the handler fetches nothing, so the task has
        // completed by the time it is returned and reading its result does not block.
        var validation = _handler.ValidateTokenAsync(token, _validationParameters);
        Debug.Assert(validation.IsCompleted, "JWT validation with a fixed key finishes synchronously.");

        return validation.GetAwaiter().GetResult();
    }

    private static int GetMinimumKeyLength(string algorithm) => algorithm switch
    {
        SecurityAlgorithms.HmacSha256 => 32,
        SecurityAlgorithms.HmacSha384 => 48,
        SecurityAlgorithms.HmacSha512 => 64,
        _ => throw new ArgumentException(
            $"The {AlgorithmSetting} setting is \"{algorithm}\", which is not supported. "
            + "Set it to HS256, HS384 or HS512.",
            nameof(algorithm)),
    };

    private static string ReadSecret(string value, string setting, string parameterName)
    {
        var separator = value.IndexOf(':', StringComparison.Ordinal);
        var kind = separator < 0 ? "" : value[..separator];
        var rest = separator < 0 ? "" : value[(separator + 1)..];

        var secret = kind switch
        {
            "string" => rest,
            "file" => ReadSecretFile(rest, setting, parameterName),
            _ => throw new ArgumentException(
                $"The {setting} setting must start with \"string:\" or \"file:\", "
                + "as in \"string:<secret>\" or \"file:/path/to/secret\".",
                parameterName),
        };

        if (secret.Length == 0)
        {
            throw new ArgumentException(
                $"The {setting} setting contains an empty secret. Set a non-empty secret or key file.",
                parameterName);
        }

        return secret;
    }

    private static string ReadSecretFile(string path, string setting, string parameterName)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException(
                $"The {setting} setting names the key file \"{path}\", which could not be read: "
                + $"{exception.Message} Check the path and the file's permissions.",
                parameterName,
                exception);
        }
    }

    // RFC 7518 requires HMAC keys at least as long as the hash, and Microsoft.IdentityModel rejects shorter
    // ones, but CKAN and PyJWT accept a secret of any length. HMAC pads a key shorter than the hash block
    // (64 bytes for SHA-256, 128 for SHA-384 and SHA-512) with zero bytes, so padding it to the hash length
    // first leaves every signature unchanged.
    private static SymmetricSecurityKey CreateKey(string secret, int minimumLength)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        if (key.Length < minimumLength)
        {
            Array.Resize(ref key, minimumLength);
        }

        return new SymmetricSecurityKey(key);
    }

    private static string CreatePayload(string tokenId, long issuedAt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(JwtRegisteredClaimNames.Jti, tokenId);
            writer.WriteNumber(JwtRegisteredClaimNames.Iat, issuedAt);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static long ToUnixSeconds(DateTime createdAtUtc)
    {
        var utc = createdAtUtc.Kind == DateTimeKind.Local
            ? createdAtUtc.ToUniversalTime()
            : DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc);

        return new DateTimeOffset(utc).ToUnixTimeSeconds();
    }
}
