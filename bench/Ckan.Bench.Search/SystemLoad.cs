using System.Globalization;

namespace Ckan.Bench.Search;

/// <summary>
/// Reads the machine's load average, printed beside each measurement because other processes on a
/// shared machine can slow the benchmark down.
/// </summary>
internal static class SystemLoad
{
    /// <summary>Returns the one-minute load average from /proc/loadavg, or null where there is none.</summary>
    public static double? OneMinute()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return null;
        }

        var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }
}
