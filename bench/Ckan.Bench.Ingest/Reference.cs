using System.Diagnostics;

namespace Ckan.Bench.Ingest;

/// <summary>Times a shell command over the same file, as the floor that reading the bytes costs.</summary>
internal static class Reference
{
    /// <summary>Runs <c>sh -c "COMMAND ARGUMENTS"</c> and returns its wall-clock seconds.</summary>
    public static double Time(string command, string arguments)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", command + " " + arguments])
        {
            RedirectStandardOutput = true,
        })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return clock.Elapsed.TotalSeconds;
    }
}
