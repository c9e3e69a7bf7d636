using Ckan.Core.Security;
using Xunit;

namespace Ckan.Core.Tests.Security;

public sealed class AdaptedBase64Tests
{
    [Fact]
    public void Encodes_plus_as_dot_without_padding()
    {
        byte[] data = [0xfb, 0xef, 0xbe, 0xff];

        var text = AdaptedBase64.Encode(data);

        Assert.Equal("..../w", text);
    }

    [Fact]
    public void Round_trips_every_length_up_to_forty_bytes()
    {
        var data = Enumerable.Range(0, 40).Select(i => (byte)(i * 37 + 250)).ToArray();

        for (var length = 0; length <= data.Length; length++)
        {
            var text = AdaptedBase64.Encode(data.AsSpan(0, length));
            var decoded = AdaptedBase64.TryDecode(text, out var result);

            Assert.True(decoded, $"length {length}");
            Assert.Equal(data[..length], result);
        }
    }

    [Fact]
    public void Decodes_passlib_salt()
    {
        var decoded = AdaptedBase64.TryDecode("izFGiLFW6r33XislxBhjrA", out var salt);

        Assert.True(decoded);
        Assert.Equal(16, salt.Length);
    }

    [Theory]
    [InlineData("abc+")]
    [InlineData("abc=")]
    [InlineData("ab==")]
    [InlineData("ab c")]
    [InlineData("ab-_")]
    [InlineData("abcde")]
    [InlineData("\u00e9bcd")]
    public void Rejects_text_outside_adapted_alphabet_or_length(string text)
    {
        var decoded = AdaptedBase64.TryDecode(text, out var data);

        Assert.False(decoded);
        Assert.Empty(data);
    }
}
