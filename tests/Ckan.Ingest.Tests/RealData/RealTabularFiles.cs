namespace Ckan.Ingest.Tests.RealData;

/// <summary>
/// The published CSV and XLSX files in shared/data/real/csv beside the repository, with the variants
/// re-encoded from them in its derived folder.
/// </summary>
public static class RealTabularFiles
{
    /// <summary>
    /// Returns the full path of a file in the folder, or skips the test when the folder is absent;
    /// under CI=true a missing folder fails the test instead.
    /// </summary>
    public static string Require(string relativePath)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ckan.slnx")))
        {
            directory = directory.Parent;
        }

        var folder = directory is null
            ? null
            : Path.Combine(directory.FullName, "..", "shared", "data", "real", "csv");
        if (folder is not null && Directory.Exists(folder))
        {
            return Path.GetFullPath(Path.Combine(folder, relativePath));
        }

        var message = "The real tabular files folder (../shared/data/real/csv from the repository root) is missing.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return "";
    }
}
