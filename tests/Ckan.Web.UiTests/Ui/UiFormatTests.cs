using System.Globalization;
using Ckan.Web.Ui;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ckan.Web.UiTests.Ui;

public sealed class UiFormatTests
{
    [Theory]
    [InlineData("en", "2024-03-05T10:20:30.123456", "March 5, 2024")]
    [InlineData("es", "2024-03-05T10:20:30.123456", "5 de marzo de 2024")]
    [InlineData("es", "not a date", "not a date")]
    public void Dates_follow_page_language(string locale, string timestamp, string expected)
    {
        using var scope = new CultureScope(locale);

        Assert.Equal(expected, CreateFormat().Date(timestamp));
    }

    [Theory]
    [InlineData("en", 1234567, "1,234,567")]
    [InlineData("es", 1234567, "1.234.567")]
    public void Numbers_follow_page_language(string locale, long value, string expected)
    {
        using var scope = new CultureScope(locale);

        Assert.Equal(expected, CreateFormat().Number(value));
    }

    [Fact]
    public void Dataset_count_uses_singular_for_one()
    {
        using var scope = new CultureScope("es");

        Assert.Equal("1 conjunto de datos", CreateFormat().DatasetCount(1));
        Assert.Equal("2 conjuntos de datos", CreateFormat().DatasetCount(2));
    }

    private static UiFormat CreateFormat()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new UiFormat(new StringLocalizer<UiText>(factory));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string locale)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(locale);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(locale);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
