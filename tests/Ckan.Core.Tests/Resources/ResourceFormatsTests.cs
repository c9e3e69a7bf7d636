using Ckan.Core.Resources;
using Xunit;

namespace Ckan.Core.Tests.Resources;

public sealed class ResourceFormatsTests
{
    [Theory]
    [InlineData("csv", "CSV")]
    [InlineData("CSV", "CSV")]
    [InlineData("text/csv", "CSV")]
    [InlineData("text/comma-separated-values", "CSV")]
    [InlineData("Comma Separated Values File", "CSV")]
    [InlineData("Excel", "XLS")]
    [InlineData("excel", "XLS")]
    [InlineData("application/vnd.ms-excel", "XLS")]
    [InlineData("jpg", "JPEG")]
    [InlineData("geojson", "GeoJSON")]
    [InlineData("esri shapefile", "SHP")]
    [InlineData("arcgis_rest", "Esri REST")]
    [InlineData("http://purl.org/net/mediatypes/text/html", "HTML")]
    public void Normalizes_known_format(string format, string expected)
    {
        var normalized = ResourceFormats.Normalize(format);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("tif")]
    [InlineData(".pdf")]
    [InlineData("Shiny New Format")]
    [InlineData("")]
    public void Keeps_unknown_format(string format)
    {
        var normalized = ResourceFormats.Normalize(format);

        Assert.Equal(format, normalized);
    }

    [Fact]
    public void Trims_unknown_format()
    {
        var normalized = ResourceFormats.Normalize("  tif ");

        Assert.Equal("tif", normalized);
    }

    [Theory]
    [InlineData("application/geo+json", "GeoJSON")]
    [InlineData("ical", "ICS")]
    [InlineData("text/calendar", "ICS")]
    [InlineData("audio/mpeg", "MP3")]
    [InlineData("mp4", "MP4")]
    [InlineData("audio/wav", "WAV")]
    [InlineData("wmts", "WMTS")]
    [InlineData("gtfs", "GTFS")]
    [InlineData("xlsm", "XLSM")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.template", "XLTX")]
    public void Normalizes_every_format_of_ckan_table(string format, string expected)
    {
        var normalized = ResourceFormats.Normalize(format);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("http://example.org/data.csv", "CSV")]
    [InlineData("http://example.org/data.csv?version=2&token=abc", "CSV")]
    [InlineData("http://example.org/report.PDF#page=2", "PDF")]
    [InlineData("https://example.org/files/budget.xlsx?download=1", "XLSX")]
    [InlineData("http://example.org/scan.tif", "TIFF")]
    [InlineData("http://example.org/photo.jpeg", "JPEG")]
    [InlineData("http://example.org/page.htm", "HTML")]
    [InlineData("uploaded-file.json", "JSON")]
    public void Guesses_format_from_extension(string url, string expected)
    {
        var guessed = ResourceFormats.GuessFromUrl(url);

        Assert.Equal(expected, guessed);
    }

    [Theory]
    [InlineData("http://example.org/")]
    [InlineData("http://example.org/download")]
    [InlineData("http://example.org/archive.unknownext")]
    [InlineData("http://example.org/.hidden")]
    [InlineData("http://example.org/file.")]
    [InlineData("http://example.org/dir.csv/file")]
    [InlineData("")]
    public void Guesses_nothing_without_known_extension(string url)
    {
        var guessed = ResourceFormats.GuessFromUrl(url);

        Assert.Null(guessed);
    }

    [Fact]
    public void Guesses_nothing_from_host_name()
    {
        var guessed = ResourceFormats.GuessFromUrl("https://example.zip");

        Assert.Null(guessed);
    }

    [Theory]
    [InlineData("CSV", "text/csv")]
    [InlineData("csv", "text/csv")]
    [InlineData("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public void Returns_mime_type_of_format(string format, string expected)
    {
        var mimeType = ResourceFormats.MimeTypeOf(format);

        Assert.Equal(expected, mimeType);
    }

    [Theory]
    [InlineData("SHP")]
    [InlineData("text/csv")]
    [InlineData("unknown")]
    public void Returns_no_mime_type_for_format_without_one(string format)
    {
        var mimeType = ResourceFormats.MimeTypeOf(format);

        Assert.Null(mimeType);
    }
}
