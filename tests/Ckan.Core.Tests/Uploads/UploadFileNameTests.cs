using Ckan.Core.Uploads;
using Xunit;

namespace Ckan.Core.Tests.Uploads;

public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("Data File.CSV", "data-file.csv")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\report.xlsx", "report.xlsx")]
    [InlineData("/absolute/path/x.json", "x.json")]
    [InlineData("evil\0name.csv", "evilname.csv")]
    [InlineData("Año Económico.csv", "ano-economico.csv")]
    [InlineData("a  --  b.txt", "a-b.txt")]
    [InlineData("..", ".._")]
    [InlineData(".", ".__")]
    [InlineData("", "___")]
    [InlineData("x.c", "x.c")]
    [InlineData("a.", "a_.")]
    public void Munge_matches_ckan_rules(string input, string expected)
    {
        var munged = UploadFileName.Munge(input);

        Assert.Equal(expected, munged);
    }

    [Fact]
    public void Munge_cuts_long_name_and_keeps_extension()
    {
        var munged = UploadFileName.Munge(new string('n', 300) + ".csv");

        Assert.Equal(100, munged.Length);
        Assert.EndsWith(".csv", munged, StringComparison.Ordinal);
    }

    [Fact]
    public void Munge_cuts_extension_to_21_characters()
    {
        var munged = UploadFileName.Munge("name." + new string('e', 40));

        Assert.Equal("name." + new string('e', 20), munged);
    }
}
