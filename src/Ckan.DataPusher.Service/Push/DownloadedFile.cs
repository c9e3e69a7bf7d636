namespace Ckan.DataPusher.Service.Push;

/// <summary>A resource file spooled to a temporary file; disposing it deletes the file.</summary>
public sealed class DownloadedFile(string path, long length, string md5, string? contentType) : IDisposable
{
    public string Path { get; } = path;

    /// <summary>The length in bytes.</summary>
    public long Length { get; } = length;

    /// <summary>The MD5 of the bytes as lower-case hex, which DataPusher compares with the resource's hash.</summary>
    public string Md5 { get; } = md5;

    /// <summary>The response's media type, such as <c>text/csv</c>, or null.</summary>
    public string? ContentType { get; } = contentType;

    public void Dispose() => File.Delete(Path);
}
