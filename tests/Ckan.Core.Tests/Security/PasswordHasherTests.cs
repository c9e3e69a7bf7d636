using Ckan.Core.Security;
using Xunit;

namespace Ckan.Core.Tests.Security;

public sealed class PasswordHasherTests
{
    // Made by passlib 1.7.4 with pbkdf2_sha512.hash(password). The variants with other rounds or
    // salt sizes used pbkdf2_sha512.using(rounds=..., salt_size=...).hash(password).
    private const string PasslibDefaultPassword = "correct horse battery staple";
    private const string PasslibDefaultHash =
        "$pbkdf2-sha512$25000$izFGiLFW6r33XislxBhjrA$"
        + "oi0LnMAktYgrwXUQ9ttqbcJsR6y6.81Uxjpa..Xx2HjY6bonuifcrlexZE83O5V8M.bb.aMs1ILJAf7Wl5nVYw";

    private const string PasslibRounds29000Password = "s3cret-Pa55";
    private const string PasslibRounds29000Hash =
        "$pbkdf2-sha512$29000$cq6VkrKWklLqfU8pZexdCw$"
        + "qXqUNEmeGIs5e6bAgZpcgKb6mfXx07ZinPrIYAYl3.YrQtCWF.yFQ3g6bu3oXp6zu.lBGRs5VeT2QAuY3SUqWQ";

    private const string PasslibNonAsciiPassword = "p\u00e4ssw\u00f6rd-\u65e5\u672c\u8a9e";
    private const string PasslibNonAsciiHash =
        "$pbkdf2-sha512$25000$qXVOqVUKQSiF8J6Tcu79/w$"
        + "RdY9GC20iCo.TizbeiCFWP.KWyvKo9FImVpw9nJBPFycrDdtoOjzZGbPbQvZm.0DYnI51tugnZVwRluNvnL4LA";

    private const string PasslibRounds12000Password = "few rounds";
    private const string PasslibRounds12000Hash =
        "$pbkdf2-sha512$12000$NYYQIqTUGoMwZgzBGIPQWg$"
        + "kU4z1p71i57q7tlsIAFpii.RdNvZy1/roZZ3en6efzEzPuZNfMst2IsHYAj1uPYo9TGoNg02uZzYGBodBD7RiA";

    private const string PasslibShortSaltPassword = "short salt";
    private const string PasslibShortSaltHash =
        "$pbkdf2-sha512$25000$sNaa0xrjvFc$"
        + "5Phjtg9WxLQZmeGENqFXFMuYfwNjPwEcWWjdRsXZLeYSp9yYMZegdTziiOw/3ZhKrN8c0aRTrsA57ATYp/mPig";

    private const string PasslibShortSaltFewRoundsHash =
        "$pbkdf2-sha512$1000$23tvrRXiHEM$"
        + "uXwm2iGRw0PdnIXAoNe8CMqG5yCOAKvz9ROgdDuWdOXoO/DooLj5mW3932f1ABrhJ88CRwn9ut20oDar37EAWQ";

    // Made in Python as salt + hashlib.sha1((password + salt).encode()).hexdigest().
    private const string LegacyPassword = "legacy-password";
    private const string LegacyHash =
        "e22fe7a5b129abb7290701f242888f6dd072603f20d43b82eaf1532ea2145e9e206d6718b3ceff43";

    private const string LegacyNonAsciiPassword = "p\u00e4ssw\u00f6rd";
    private const string LegacyNonAsciiHash =
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1bdf56af8627e5ba42d640a9d99f98f8e50156ef0e";

    public static TheoryData<string, string> PasslibHashes => new()
    {
        { PasslibDefaultPassword, PasslibDefaultHash },
        { PasslibRounds29000Password, PasslibRounds29000Hash },
        { PasslibNonAsciiPassword, PasslibNonAsciiHash },
        { PasslibRounds12000Password, PasslibRounds12000Hash },
        { PasslibShortSaltPassword, PasslibShortSaltHash },
        { PasslibShortSaltPassword, PasslibShortSaltFewRoundsHash },
    };

    public static TheoryData<string> MalformedHashes => new()
    {
        "plain text",
        "$pbkdf2-sha512$",
        "$pbkdf2-sha512$25000$izFGiLFW6r33XislxBhjrA",
        "$pbkdf2-sha512$25000$izFGiLFW6r33XislxBhjrA$",
        Altered("$pbkdf2-sha512$", "$pbkdf2-sha256$"),
        Altered("$25000$", "$$"),
        Altered("$25000$", "$0$"),
        Altered("$25000$", "$025000$"),
        Altered("$25000$", "$-25000$"),
        Altered("$25000$", "$+25000$"),
        Altered("$25000$", "$ 25000$"),
        Altered("$25000$", "$25k$"),
        Altered("$25000$", "$99999999999$"),
        Altered("izFGiLFW6r33XislxBhjrA", "izFGiLFW6r33XislxBhjrA=="),
        Altered("izFGiLFW6r33XislxBhjrA", "izFGiLFW6r33Xisl-BhjrA"),
        Altered("izFGiLFW6r33XislxBhjrA", "izFGiLFW6r33XislxBhjr"),
        Altered(".81U", "+81U"),
        PasslibDefaultHash[..^1],
        PasslibDefaultHash[..^2],
        PasslibDefaultHash + "AAAA",
        PasslibDefaultHash + "$",
        PasslibDefaultHash + "$extra",
        PasslibDefaultHash + "\n",
        " " + PasslibDefaultHash,
        LegacyHash[..^1],
        LegacyHash + "0",
        LegacyHash[..^1] + "g",
        LegacyHash[..^1] + " ",
    };

    [Theory]
    [MemberData(nameof(PasslibHashes))]
    public void Verifies_hash_made_by_passlib(string password, string hash)
    {
        var verified = PasswordHasher.Verify(password, hash);

        Assert.True(verified);
    }

    [Theory]
    [MemberData(nameof(PasslibHashes))]
    public void Rejects_wrong_password_for_passlib_hash(string password, string hash)
    {
        var verified = PasswordHasher.Verify(password + "x", hash);

        Assert.False(verified);
    }

    [Fact]
    public void Password_check_is_case_sensitive()
    {
        var verified = PasswordHasher.Verify(PasslibDefaultPassword.ToUpperInvariant(), PasslibDefaultHash);

        Assert.False(verified);
    }

    [Theory]
    [InlineData(LegacyPassword, LegacyHash)]
    [InlineData(LegacyNonAsciiPassword, LegacyNonAsciiHash)]
    public void Verifies_legacy_sha1_hash(string password, string hash)
    {
        var verified = PasswordHasher.Verify(password, hash);

        Assert.True(verified);
    }

    [Theory]
    [InlineData("legacy-passwor")]
    [InlineData("Legacy-password")]
    [InlineData("e22fe7a5b129abb7290701f242888f6dd072603f")]
    public void Rejects_wrong_password_for_legacy_hash(string password)
    {
        var verified = PasswordHasher.Verify(password, LegacyHash);

        Assert.False(verified);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_empty_password(string? password)
    {
        var verified = PasswordHasher.Verify(password!, PasslibDefaultHash);

        Assert.False(verified);
    }

    [Fact]
    public void Rejects_empty_password_with_own_hash()
    {
        var hash = PasswordHasher.Hash("", rounds: 1);

        var verified = PasswordHasher.Verify("", hash);

        Assert.False(verified);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_missing_hash(string? hash)
    {
        var verified = PasswordHasher.Verify(PasslibDefaultPassword, hash);

        Assert.False(verified);
    }

    [Theory]
    [MemberData(nameof(MalformedHashes))]
    public void Rejects_malformed_hash(string hash)
    {
        var verified = PasswordHasher.Verify(PasslibDefaultPassword, hash);

        Assert.False(verified);
    }

    [Fact]
    public void Rejects_lone_surrogate_password()
    {
        var verified = PasswordHasher.Verify("abc\ud800", PasslibDefaultHash);

        Assert.False(verified);
    }

    [Fact]
    public void Hash_rejects_lone_surrogate_password()
    {
        var hashing = () => PasswordHasher.Hash("abc\ud800");

        var exception = Assert.Throws<ArgumentException>(hashing);
        Assert.Equal("password", exception.ParamName);
    }

    [Fact]
    public void Verifies_own_hash()
    {
        var password = "round trip \u00e9\u00e8 " + Guid.NewGuid();

        var hash = PasswordHasher.Hash(password);

        Assert.True(PasswordHasher.Verify(password, hash));
        Assert.False(PasswordHasher.Verify(password + " ", hash));
    }

    [Fact]
    public void Hash_has_passlib_layout_with_default_rounds()
    {
        var hash = PasswordHasher.Hash("layout");

        Assert.Matches(@"^\$pbkdf2-sha512\$25000\$[A-Za-z0-9./]{22}\$[A-Za-z0-9./]{86}$", hash);
    }

    [Fact]
    public void Hash_uses_requested_rounds()
    {
        var hash = PasswordHasher.Hash("rounds", rounds: 29000);

        Assert.StartsWith("$pbkdf2-sha512$29000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("rounds", hash));
    }

    [Fact]
    public void Hash_uses_new_salt_each_time()
    {
        var first = PasswordHasher.Hash("same password", rounds: 1);

        var second = PasswordHasher.Hash("same password", rounds: 1);

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Hash_rejects_rounds_below_one(int rounds)
    {
        var hashing = () => PasswordHasher.Hash("password", rounds);

        Assert.Throws<ArgumentOutOfRangeException>(hashing);
    }

    [Fact]
    public void Hash_rejects_null_password()
    {
        var hashing = () => PasswordHasher.Hash(null!);

        Assert.Throws<ArgumentNullException>(hashing);
    }

    [Theory]
    [InlineData(PasslibDefaultHash)]
    [InlineData(PasslibRounds29000Hash)]
    [InlineData(PasslibNonAsciiHash)]
    public void Current_hash_needs_no_rehash(string hash)
    {
        var needsRehash = PasswordHasher.NeedsRehash(hash);

        Assert.False(needsRehash);
    }

    [Fact]
    public void Own_hash_needs_no_rehash()
    {
        var hash = PasswordHasher.Hash("fresh");

        var needsRehash = PasswordHasher.NeedsRehash(hash);

        Assert.False(needsRehash);
    }

    [Theory]
    [InlineData(PasslibRounds12000Hash)]
    [InlineData(PasslibShortSaltHash)]
    [InlineData(PasslibShortSaltFewRoundsHash)]
    [InlineData(LegacyHash)]
    [InlineData("plain text")]
    public void Outdated_or_unknown_hash_needs_rehash(string hash)
    {
        var needsRehash = PasswordHasher.NeedsRehash(hash);

        Assert.True(needsRehash);
    }

    [Fact]
    public void Hash_with_rounds_below_default_needs_rehash()
    {
        var hash = PasswordHasher.Hash("old", rounds: PasswordHasher.DefaultRounds - 1);

        var needsRehash = PasswordHasher.NeedsRehash(hash);

        Assert.True(needsRehash);
    }

    private static string Altered(string oldValue, string newValue) =>
        PasslibDefaultHash.Replace(oldValue, newValue, StringComparison.Ordinal);
}
