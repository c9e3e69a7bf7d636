using System.Globalization;

namespace Ckan.DataPusher.Service.Jobs;

/// <summary>The timestamp text of jobs and logs: UTC, <c>%Y-%m-%dT%H:%M:%S.%f</c> as CKAN parses it.</summary>
public static class JobTime
{
    /// <summary>The .NET format string of the timestamps.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    /// <summary>Returns the current UTC time in <see cref="Format"/>.</summary>
    public static string Now() => DateTime.UtcNow.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Returns <paramref name="time"/> in <see cref="Format"/>.</summary>
    public static string ToText(DateTime time) => time.ToString(Format, CultureInfo.InvariantCulture);
}
