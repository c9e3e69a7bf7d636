using System.Globalization;

namespace Ckan.Bench.Search;

/// <summary>Reads this process's resident memory from Linux's /proc/self/status.</summary>
internal static class ProcessMemory
{
    /// <summary>
    /// Sets the recorded peak (VmHWM) back to the current resident size, so a later read covers only
    /// what ran in between; returns false where /proc/self/clear_refs cannot be written.
    /// </summary>
    public static bool TryResetPeak()
    {
        try
        {
            // Writing 5 resets the peak resident set size (Linux 4.0 and later, see proc(5)).
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Returns the peak resident set size (VmHWM) in bytes, or null when it is not reported.</summary>
    public static long? PeakResidentBytes() => ReadKilobytes("VmHWM:") * 1024;

    /// <summary>Returns the current resident set size (VmRSS) in bytes, or null when it is not reported.</summary>
    public static long? ResidentBytes() => ReadKilobytes("VmRSS:") * 1024;

    private static long? ReadKilobytes(string key)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var number = line?[key.Length..].Trim().Split(' ')[0];
        return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes)
            ? kilobytes
            : null;
    }
}
