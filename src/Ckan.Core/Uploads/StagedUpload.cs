namespace Ckan.Core.Uploads;

/// <summary>
/// An uploaded file written to the storage folder's staging area and not yet attached to a resource.
/// Disposing it deletes the staged file unless <see cref="ResourceFileStore.Attach"/> moved it.
/// </summary>
public sealed class StagedUpload : IDisposable
{
    internal StagedUpload(string stagingPath, string fileName, long size, string? mimetype)
    {
        StagingPath = stagingPath;
        FileName = fileName;
        Size = size;
        Mimetype = mimetype;
    }

    /// <summary>The full path of the staged file.</summary>
    public string StagingPath { get; }

    /// <summary>The tidied file name that becomes the resource's url.</summary>
    public string FileName { get; }

    /// <summary>The file's length in bytes.</summary>
    public long Size { get; }

    /// <summary>The media type guessed from the file name, or null when the extension is unknown.</summary>
    public string? Mimetype { get; }

    /// <summary>Deletes the staged file if it is still there.</summary>
    public void Dispose() => File.Delete(StagingPath);
}
