namespace Ckan.Web.UiTests.Support;

/// <summary>
/// Locates the shared folder of real published metadata that sits beside the repository
/// (<c>../shared/data/real</c>). Under CI the folder must exist; elsewhere a test without it is skipped.
/// </summary>
public static class SharedData
{
    /// <summary>Returns the path of the real-data folder, or skips (fails under CI) when it is absent.</summary>
    public static string RealDataFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ckan.slnx")))
        {
            directory = directory.Parent;
        }

        var folder = directory?.Parent is null
            ? null
            : Path.Combine(directory.Parent.FullName, "shared", "data", "real");
        if (folder is not null && Directory.Exists(folder))
        {
            return folder;
        }

        var message = "The real-data folder ../shared/data/real beside the repository was not found.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return "";
    }
}
