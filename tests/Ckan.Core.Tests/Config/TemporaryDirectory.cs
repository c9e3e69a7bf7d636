namespace Ckan.Core.Tests.Config;

/// <summary>
/// A new empty folder under the system temporary folder, deleted with its contents on dispose.
/// </summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        var name = "ckan-config-tests-" + Guid.NewGuid().ToString("N");
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The full path of the folder.</summary>
    public string Path { get; }

    /// <summary>Returns the full path of <paramref name="relativePath"/> inside the folder.</summary>
    public string PathOf(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/>, creating subfolders, and
    /// returns the full path.</summary>
    public string Write(string relativePath, string content)
    {
        var fullPath = PathOf(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath) ?? Path);
        File.WriteAllText(fullPath, content);
        return fullPath;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
