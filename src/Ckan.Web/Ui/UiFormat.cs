using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Ckan.Web.Ui;

/// <summary>
/// Formats catalog values for the page language: dates with the translated pattern and the culture's
/// month names, numbers with the culture's separators. One instance per request.
/// </summary>
public sealed class UiFormat(IStringLocalizer<UiText> text)
{
    /// <summary>
    /// Formats one of CKAN's naive UTC timestamps (<c>2024-05-01T10:00:00.123456</c>) as a date, or returns
    /// the text unchanged when it is not a timestamp.
    /// </summary>
    public string Date(string? timestamp) => Format(timestamp, text["Format.Date"].Value);

    /// <summary>
    /// Formats a timestamp as <see cref="Date"/> does, followed by the UTC time to the second, as the
    /// DataPusher log needs to tell its steps apart.
    /// </summary>
    public string DateTime(string? timestamp) => Format(timestamp, text["Format.Date"].Value + " HH:mm:ss 'UTC'");

    private static string Format(string? timestamp, string pattern)
    {
        if (string.IsNullOrEmpty(timestamp))
        {
            return "";
        }

        if (!System.DateTime.TryParse(
                timestamp,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var value))
        {
            return timestamp;
        }

        return value.ToString(pattern, CultureInfo.CurrentCulture);
    }

    /// <summary>Formats a whole number with the page language's digit grouping.</summary>
    public string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Formats a number of datasets, such as "1 dataset" or "12 datasets".</summary>
    public string DatasetCount(long value) => text[value == 1 ? "Count.Dataset" : "Count.Datasets", Number(value)];
}
