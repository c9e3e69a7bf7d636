using System.Globalization;

namespace Ckan.Bench.Search;

/// <summary>Reads this process's memory figures from Linux's /proc/self.</summary>
internal static class ProcessMemory
{
    /// <summary>
    /// Sets the recorded peak (VmHWM) back to the current resident size, so a later read covers only
    /// what ran in between. Returns false where /proc/self/clear_refs cannot be written.
    /// </summary>
    public static bool TryResetPeak()
    {
        try
        {
            // Writing 5 resets the peak resident set size, since Linux 4.0 (proc(5), clear_refs).
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

    /// <summary>
    /// Returns how many page faults of this process so far had to read from disk (majflt in
    /// /proc/self/stat), or null where it is not reported.
    /// </summary>
    public static long? MajorFaults()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return null;
        }

        // The command name in brackets may contain spaces, so fields are counted after its closing bracket:
        // majflt is field 12 of the whole line, the 10th after the name.
        var line = File.ReadAllText("/proc/self/stat");
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length <= 9)
        {
            return null;
        }

        return long.TryParse(fields[9], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
    }

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
