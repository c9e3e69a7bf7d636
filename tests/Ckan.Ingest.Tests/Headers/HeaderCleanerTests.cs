using System.Text;
using Ckan.Ingest.Headers;

namespace Ckan.Ingest.Tests.Headers;

public sealed class HeaderCleanerTests
{
    [Fact]
    public void Blank_headers_get_column_numbers()
    {
        var cleaned = HeaderCleaner.Clean(["a", "", "  "]);

        Assert.Equal(["a", "field_2", "field_3"], cleaned.Select(header => header.Id));
        Assert.Equal(["a", "", "  "], cleaned.Select(header => header.Label));
    }

    [Fact]
    public void Duplicate_headers_get_suffixes()
    {
        var cleaned = HeaderCleaner.Clean(["name", "name", "name", "name_2"]);

        Assert.Equal(["name", "name_2", "name_3", "name_2_2"], cleaned.Select(header => header.Id));
    }

    [Theory]
    [InlineData("_id", "id")]
    [InlineData("_full_text", "full_text")]
    [InlineData("__", "field_1")]
    [InlineData(" \"quoted\" name ", "quoted name")]
    [InlineData("two\nlines", "two lines")]
    public void Reserved_and_invalid_names_are_cleaned(string header, string expected)
    {
        var cleaned = HeaderCleaner.Clean([header]);

        Assert.Equal(expected, cleaned[0].Id);
        Assert.Equal(header, cleaned[0].Label);
    }

    [Fact]
    public void Long_headers_are_cut_to_63_bytes_at_character_boundary()
    {
        var header = new string('é', 40);

        var cleaned = HeaderCleaner.Clean([header, header]);

        Assert.Equal(31, cleaned[0].Id.Length);
        Assert.All(cleaned, item => Assert.True(Encoding.UTF8.GetByteCount(item.Id) <= 63));
        Assert.NotEqual(cleaned[0].Id, cleaned[1].Id);
        Assert.Equal(header, cleaned[0].Label);
    }
}
