using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ckan.Core.Security;
using Xunit;

namespace Ckan.Core.Tests.Security;

public sealed class ApiTokenCodecTests : IDisposable
{
    private const string FixtureSecret = "fixture-secret-for-tests";

    // Tokens made by PyJWT 2.6.0 with jwt.encode(payload, FixtureSecret, algorithm=...), except where noted.
    private const string PyJwtTokenId = "k3m9QzL2vX7pR4tN8wY1bC6dF0gH5jA2sE9uI3oK7lM";
    private const long PyJwtIssuedAt = 1706696430;
    private const string PyJwtToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + "eyJqdGkiOiJrM205UXpMMnZYN3BSNHROOHdZMWJDNmRGMGdINWpBMnNFOXVJM29LN2xNIiwiaWF0IjoxNzA2Njk2NDMwfQ."
        + "F0oijn64XQH-n0ELetrd9hlvoOyIdCP3KH68zsQU7hI";

    private const string PyJwtHs384Token =
        "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9."
        + "eyJqdGkiOiJoczM4NC10b2tlbi1pZCIsImlhdCI6MTcwNjY5NjQzMH0."
        + "iRK0iEYsom7nUP4BF8pfLYJjXuxYxwUxGngx6mLTeO4wFWnTPPPWk4BrnWlcsrfx";

    private const string PyJwtHs512Token =
        "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9."
        + "eyJqdGkiOiJoczUxMi10b2tlbi1pZCIsImlhdCI6MTcwNjY5NjQzMH0."
        + "ajt5dbX0dqL_PHaPKUiDZgbAWIpAXe9V7PBz2tjF48HAGueHT82LfJtDl8XkLalPbJH8O37C7XCj74fwHJqzZw";

    // Payload {"jti": "expired-token-id", "iat": 1600000000, "exp": 1600003600}.
    private const string PyJwtExpiredToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + "eyJqdGkiOiJleHBpcmVkLXRva2VuLWlkIiwiaWF0IjoxNjAwMDAwMDAwLCJleHAiOjE2MDAwMDM2MDB9."
        + "l86HmkxMaL7HTNCBGS5OWlq2Bn_w1IFIBKJJE_ZI2w4";

    // Payload {"jti": "future-expiry-token-id", "iat": 1706696430, "exp": 4102444800}.
    private const string PyJwtFutureExpiryToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + "eyJqdGkiOiJmdXR1cmUtZXhwaXJ5LXRva2VuLWlkIiwiaWF0IjoxNzA2Njk2NDMwLCJleHAiOjQxMDI0NDQ4MDB9."
        + "YmPK4rNp7XqOJyZSwNPfrg-fPNN4CJAfXSm8nSR2sfs";

    // Payload {"jti": "not-before-token-id", "iat": 1706696430, "nbf": 4102444800}.
    private const string PyJwtNotBeforeToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + "eyJqdGkiOiJub3QtYmVmb3JlLXRva2VuLWlkIiwiaWF0IjoxNzA2Njk2NDMwLCJuYmYiOjQxMDI0NDQ4MDB9."
        + "wiL_pcv0JFIelQWb_rBekOSt9mJu3BAm7Fc74d-Dh6w";

    // Signed with a 100-character secret of "L", longer than the 64-byte SHA-256 block.
    private const string PyJwtLongSecretToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + "eyJqdGkiOiJsb25nLXNlY3JldC10b2tlbi1pZCIsImlhdCI6MTcwNjY5NjQzMH0."
        + "Lt2jePah2LPbGi_lCIcBaRkXHTR_fAUrwew6wbqGqRw";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ckan-core-security-tests-");

    public static TheoryData<string> GarbageTokens => new()
    {
        "",
        " ",
        "abc",
        "a.b",
        "a.b.c",
        "..",
        "....",
        "not a token at all",
        PyJwtToken + ".",
        PyJwtToken + "AAAA",
        " " + PyJwtToken,
        PyJwtToken.Replace(".", "", StringComparison.Ordinal),
        PyJwtToken[..PyJwtToken.LastIndexOf('.')],
        PyJwtToken[..(PyJwtToken.LastIndexOf('.') + 1)],
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.bm90IGpzb24.AAAA",
        "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA",
        new string('A', 300_000),
    };

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Decodes_token_made_by_pyjwt()
    {
        var codec = CreateCodec();

        var tokenId = codec.DecodeTokenId(PyJwtToken);

        Assert.Equal(PyJwtTokenId, tokenId);
    }

    [Theory]
    [InlineData("HS384", PyJwtHs384Token, "hs384-token-id")]
    [InlineData("HS512", PyJwtHs512Token, "hs512-token-id")]
    public void Decodes_pyjwt_token_with_longer_hash(string algorithm, string token, string expectedTokenId)
    {
        var codec = CreateCodec(algorithm: algorithm);

        var tokenId = codec.DecodeTokenId(token);

        Assert.Equal(expectedTokenId, tokenId);
    }

    [Fact]
    public void Decodes_pyjwt_token_with_long_secret()
    {
        var secret = "string:" + new string('L', 100);
        var codec = new ApiTokenCodec(secret, secret, "HS256");

        var tokenId = codec.DecodeTokenId(PyJwtLongSecretToken);

        Assert.Equal("long-secret-token-id", tokenId);
    }

    [Fact]
    public void Encodes_same_token_as_pyjwt()
    {
        var codec = CreateCodec();
        var createdAt = DateTimeOffset.FromUnixTimeSeconds(PyJwtIssuedAt).UtcDateTime.AddMilliseconds(123);

        var token = codec.Encode(PyJwtTokenId, createdAt);

        Assert.Equal(PyJwtToken, token);
    }

    [Fact]
    public void Encodes_header_as_pyjwt_does()
    {
        var codec = CreateCodec();

        var token = codec.Encode(ApiTokenCodec.NewTokenId(), DateTime.UtcNow);

        Assert.Equal("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", DecodeSegment(token, 0));
    }

    [Fact]
    public void Encodes_payload_with_only_jti_and_iat()
    {
        var codec = CreateCodec();
        var tokenId = ApiTokenCodec.NewTokenId();
        var createdAt = new DateTime(2025, 6, 1, 8, 30, 15, 999, DateTimeKind.Utc);

        var token = codec.Encode(tokenId, createdAt);

        using var payload = JsonDocument.Parse(DecodeSegment(token, 1));
        var properties = payload.RootElement.EnumerateObject().ToList();
        Assert.Equal(["jti", "iat"], properties.Select(property => property.Name));
        Assert.Equal(tokenId, properties[0].Value.GetString());
        Assert.Equal(JsonValueKind.Number, properties[1].Value.ValueKind);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 8, 30, 15, TimeSpan.Zero).ToUnixTimeSeconds(),
            properties[1].Value.GetInt64());
    }

    [Fact]
    public void Encode_takes_unspecified_time_as_utc()
    {
        var codec = CreateCodec();
        var createdAt = new DateTime(2024, 1, 31, 10, 20, 30, DateTimeKind.Unspecified);

        var token = codec.Encode(PyJwtTokenId, createdAt);

        Assert.Equal(PyJwtToken, token);
    }

    [Fact]
    public void Encode_converts_local_time_to_utc()
    {
        var codec = CreateCodec();
        var createdAt = new DateTime(2024, 1, 31, 10, 20, 30, DateTimeKind.Utc).ToLocalTime();

        var token = codec.Encode(PyJwtTokenId, createdAt);

        Assert.Equal(PyJwtToken, token);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Encode_rejects_missing_token_id(string? tokenId)
    {
        var codec = CreateCodec();

        var encoding = () => codec.Encode(tokenId!, DateTime.UtcNow);

        Assert.ThrowsAny<ArgumentException>(encoding);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    public void Decodes_own_token(string algorithm)
    {
        var codec = CreateCodec(algorithm: algorithm);
        var tokenId = ApiTokenCodec.NewTokenId();

        var decodedTokenId = codec.DecodeTokenId(codec.Encode(tokenId, DateTime.UtcNow));

        Assert.Equal(tokenId, decodedTokenId);
    }

    [Fact]
    public void Uses_separate_encode_and_decode_secrets()
    {
        var issuer = new ApiTokenCodec("string:signing-secret", "string:other-secret", "HS256");
        var verifier = new ApiTokenCodec("string:other-secret", "string:signing-secret", "HS256");
        var token = issuer.Encode("split-secret-token", DateTime.UtcNow);

        var decodedByVerifier = verifier.DecodeTokenId(token);
        var decodedByIssuer = issuer.DecodeTokenId(token);

        Assert.Equal("split-secret-token", decodedByVerifier);
        Assert.Null(decodedByIssuer);
    }

    [Fact]
    public void Rejects_token_signed_with_another_secret()
    {
        var codec = new ApiTokenCodec("string:another-secret", "string:another-secret", "HS256");

        var tokenId = codec.DecodeTokenId(PyJwtToken);

        Assert.Null(tokenId);
    }

    [Fact]
    public void Rejects_token_with_altered_signature()
    {
        var codec = CreateCodec();
        var signatureStart = PyJwtToken.LastIndexOf('.') + 1;
        var replaced = PyJwtToken[signatureStart + 5] == 'A' ? 'B' : 'A';
        var token = PyJwtToken[..(signatureStart + 5)] + replaced + PyJwtToken[(signatureStart + 6)..];

        var tokenId = codec.DecodeTokenId(token);

        Assert.Null(tokenId);
    }

    [Fact]
    public void Rejects_token_with_altered_payload()
    {
        var codec = CreateCodec();
        var segments = PyJwtToken.Split('.');
        var payload = Base64Url.EncodeToString("{\"jti\":\"someone-else\",\"iat\":1706696430}"u8);
        var token = $"{segments[0]}.{payload}.{segments[2]}";

        var tokenId = codec.DecodeTokenId(token);

        Assert.Null(tokenId);
    }

    [Fact]
    public void Rejects_unsigned_token()
    {
        var codec = CreateCodec();
        var segments = PyJwtToken.Split('.');
        var header = Base64Url.EncodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8);
        var token = $"{header}.{segments[1]}.";

        var tokenId = codec.DecodeTokenId(token);

        Assert.Null(tokenId);
    }

    [Fact]
    public void Rejects_token_with_algorithm_other_than_configured()
    {
        var codec = CreateCodec(algorithm: "HS256");

        var tokenId = codec.DecodeTokenId(PyJwtHs512Token);

        Assert.Null(tokenId);
    }

    [Fact]
    public void Rejects_expired_token()
    {
        var codec = CreateCodec();

        var tokenId = codec.DecodeTokenId(PyJwtExpiredToken);

        Assert.Null(tokenId);
    }

    [Fact]
    public void Accepts_token_whose_expiry_is_ahead()
    {
        var codec = CreateCodec();

        var tokenId = codec.DecodeTokenId(PyJwtFutureExpiryToken);

        Assert.Equal("future-expiry-token-id", tokenId);
    }

    [Fact]
    public void Rejects_token_not_yet_valid()
    {
        var codec = CreateCodec();

        var tokenId = codec.DecodeTokenId(PyJwtNotBeforeToken);

        Assert.Null(tokenId);
    }

    [Theory]
    [MemberData(nameof(GarbageTokens))]
    public void Rejects_garbage(string token)
    {
        var codec = CreateCodec();

        var tokenId = codec.DecodeTokenId(token);

        Assert.Null(tokenId);
    }

    [Fact]
    public void Rejects_null_token()
    {
        var codec = CreateCodec();

        var tokenId = codec.DecodeTokenId(null!);

        Assert.Null(tokenId);
    }

    [Theory]
    [InlineData("{\"iat\":1706696430}")]
    [InlineData("{\"jti\":\"\",\"iat\":1706696430}")]
    [InlineData("{\"jti\":12345,\"iat\":1706696430}")]
    [InlineData("{\"jti\":null,\"iat\":1706696430}")]
    public void Rejects_signed_token_without_string_jti(string payloadJson)
    {
        var codec = CreateCodec();
        var token = SignHs256(payloadJson, FixtureSecret);

        var tokenId = codec.DecodeTokenId(token);

        Assert.Null(tokenId);
    }

    [Fact]
    public void Decodes_token_signed_with_plain_hmac()
    {
        var codec = CreateCodec();
        var payloadJson = "{\"jti\":\"plain-hmac\",\"iat\":1706696430,\"scope\":\"extra\"}";
        var token = SignHs256(payloadJson, FixtureSecret);

        var tokenId = codec.DecodeTokenId(token);

        Assert.Equal("plain-hmac", tokenId);
    }

    [Fact]
    public void Reads_secret_from_file_and_trims_it()
    {
        var path = Path.Combine(_directory.FullName, "jwt-secret");
        File.WriteAllText(path, "  " + FixtureSecret + "\n");
        var codec = new ApiTokenCodec("file:" + path, "file:" + path, "HS256");

        var tokenId = codec.DecodeTokenId(PyJwtToken);

        Assert.Equal(PyJwtTokenId, tokenId);
    }

    [Fact]
    public void Mixes_file_and_string_secrets()
    {
        var path = Path.Combine(_directory.FullName, "decode-secret");
        File.WriteAllText(path, FixtureSecret);
        var codec = new ApiTokenCodec("string:" + FixtureSecret, "file:" + path, "HS256");

        var tokenId = codec.DecodeTokenId(codec.Encode(PyJwtTokenId, DateTime.UtcNow));

        Assert.Equal(PyJwtTokenId, tokenId);
    }

    [Fact]
    public void Rejects_missing_secret_file()
    {
        var path = Path.Combine(_directory.FullName, "missing-secret");

        var creating = () => new ApiTokenCodec("string:" + FixtureSecret, "file:" + path, "HS256");

        var exception = Assert.Throws<ArgumentException>(creating);
        Assert.Contains("api_token.jwt.decode.secret", exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Equal("decodeSecret", exception.ParamName);
    }

    [Fact]
    public void Rejects_empty_secret_file()
    {
        var path = Path.Combine(_directory.FullName, "blank-secret");
        File.WriteAllText(path, " \n");

        var creating = () => new ApiTokenCodec("file:" + path, "string:" + FixtureSecret, "HS256");

        var exception = Assert.Throws<ArgumentException>(creating);
        Assert.Contains("api_token.jwt.encode.secret", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string:")]
    [InlineData("plain-secret-without-prefix")]
    [InlineData("base64:c2VjcmV0")]
    [InlineData("")]
    public void Rejects_invalid_secret_setting(string secret)
    {
        var creating = () => new ApiTokenCodec(secret, "string:" + FixtureSecret, "HS256");

        var exception = Assert.Throws<ArgumentException>(creating);
        Assert.Contains("api_token.jwt.encode.secret", exception.Message, StringComparison.Ordinal);
        Assert.Equal("encodeSecret", exception.ParamName);
    }

    [Fact]
    public void Secret_error_hides_secret_value()
    {
        var creating = () => new ApiTokenCodec("string:" + FixtureSecret, "hunter2-secret", "HS256");

        var exception = Assert.Throws<ArgumentException>(creating);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("none")]
    [InlineData("hs256")]
    [InlineData("")]
    public void Rejects_unsupported_algorithm(string algorithm)
    {
        var creating = () => CreateCodec(algorithm: algorithm);

        var exception = Assert.Throws<ArgumentException>(creating);
        Assert.Contains("api_token.jwt.algorithm", exception.Message, StringComparison.Ordinal);
        Assert.Equal("algorithm", exception.ParamName);
    }

    [Fact]
    public void New_token_id_is_43_url_safe_characters()
    {
        var tokenId = ApiTokenCodec.NewTokenId();

        Assert.Equal(43, tokenId.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", tokenId);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(16, 22)]
    [InlineData(60, 80)]
    public void New_token_id_length_follows_byte_count(int byteCount, int expectedLength)
    {
        var tokenId = ApiTokenCodec.NewTokenId(byteCount);

        Assert.Equal(expectedLength, tokenId.Length);
        Assert.Equal(byteCount, Base64Url.DecodeFromChars(tokenId).Length);
    }

    [Fact]
    public void New_token_ids_differ()
    {
        var first = ApiTokenCodec.NewTokenId();

        var second = ApiTokenCodec.NewTokenId();

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void New_token_id_rejects_byte_count_below_one(int byteCount)
    {
        var creating = () => ApiTokenCodec.NewTokenId(byteCount);

        Assert.Throws<ArgumentOutOfRangeException>(creating);
    }

    private static ApiTokenCodec CreateCodec(string secret = FixtureSecret, string algorithm = "HS256") =>
        new("string:" + secret, "string:" + secret, algorithm);

    private static string DecodeSegment(string token, int index) =>
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[index]));

    private static string SignHs256(string payloadJson, string secret)
    {
        var header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        var signingInput = $"{header}.{payload}";

        var signature = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(signingInput));

        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }
}
