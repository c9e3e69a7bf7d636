namespace Ckan.Ingest.Fetching;

/// <summary>A downloaded file in a temporary folder; disposing it deletes the file.</summary>
public sealed class FetchedFile(string path, long length) : IDisposable
{
    /// <summary>The full path of the file.</summary>
    public string Path { get; } = path;

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; } = length;

    public void Dispose() => File.Delete(Path);
}
