using Ckan.Core.Config;
using Ckan.Core.Errors;

namespace Ckan.Core.Uploads;

/// <summary>
/// Uploaded resource files under <c>{ckan.storage_path}/resources</c> in CKAN's layout: the file of
/// resource <c>abcdef12-…</c> is <c>resources/abc/def/12-…</c>, so a storage folder copied from CKAN
/// serves as it is. Files arrive through a staging folder (<c>resources/.staging</c>) on the same disk,
/// so attaching one is a rename and a failed request leaves no partial file under a resource id.
/// Thread safe.
/// </summary>
public sealed class ResourceFileStore
{
    private const int CopyBufferSize = 81920;

    /// <summary>Creates a store in <paramref name="storagePath"/>; folders are created on first write.</summary>
    public ResourceFileStore(string storagePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(storagePath);

        Root = Path.GetFullPath(Path.Combine(storagePath, "resources"));
        StagingFolder = Path.Combine(Root, ".staging");
    }

    /// <summary>The full path of the <c>resources</c> folder.</summary>
    public string Root { get; }

    /// <summary>The folder that holds files still being received.</summary>
    public string StagingFolder { get; }

    /// <summary>Returns the store of <c>ckan.storage_path</c>, or null when the option is unset (uploads off).</summary>
    public static ResourceFileStore? FromConfig(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);

        return config.StoragePath is { } path ? new ResourceFileStore(path) : null;
    }

    /// <summary>
    /// Returns the full path of a resource's file, whether or not it exists.
    /// </summary>
    /// <exception cref="ValidationException">The id has characters other than letters, digits, <c>-</c> and
    /// <c>_</c>, or is 6 characters or shorter, so it cannot name a file inside the store.</exception>
    public string GetPath(string resourceId)
    {
        ArgumentNullException.ThrowIfNull(resourceId);

        if (resourceId.Length <= 6 || !resourceId.All(IsIdCharacter))
        {
            throw ValidationException.ForField("upload", "Invalid storage path");
        }

        var path = Path.GetFullPath(Path.Combine(Root, resourceId[..3], resourceId[3..6], resourceId[6..]));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw ValidationException.ForField("upload", "Invalid storage path");
        }

        return path;
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a new staging file in chunks, never holding the whole file in
    /// memory, and returns it under the tidied <paramref name="fileName"/>.
    /// </summary>
    /// <param name="content">The file's bytes, read to the end.</param>
    /// <param name="fileName">The name the client gave; tidied with <see cref="UploadFileName.Munge"/>.</param>
    /// <param name="mimetype">The media type guessed from the name, or null.</param>
    /// <param name="maxBytes">The largest accepted length in bytes.</param>
    /// <param name="cancellationToken">Stops the copy; the partial file is deleted.</param>
    /// <exception cref="ValidationException">The file is longer than <paramref name="maxBytes"/>; CKAN's
    /// <c>{"upload": ["File upload too large"]}</c>.</exception>
    public async Task<StagedUpload> StageAsync(
        Stream content,
        string fileName,
        string? mimetype,
        long maxBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);

        Directory.CreateDirectory(StagingFolder);
        var stagingPath = Path.Combine(StagingFolder, Guid.NewGuid().ToString("N"));
        try
        {
            var size = await CopyLimitedAsync(content, stagingPath, maxBytes, cancellationToken);
            return new StagedUpload(stagingPath, UploadFileName.Munge(fileName), size, mimetype);
        }
        catch
        {
            File.Delete(stagingPath);
            throw;
        }
    }

    /// <summary>Moves a staged file to its resource's place, replacing an earlier upload of that resource.</summary>
    /// <exception cref="ValidationException">The resource id cannot name a file; see <see cref="GetPath"/>.</exception>
    public void Attach(StagedUpload upload, string resourceId)
    {
        ArgumentNullException.ThrowIfNull(upload);

        var path = GetPath(resourceId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(upload.StagingPath, path, overwrite: true);
    }

    /// <summary>
    /// Deletes staging files last written more than <paramref name="minimumAge"/> ago, which a process
    /// that stopped during an upload left behind, and returns how many it deleted.
    /// </summary>
    public int DeleteStaleStagingFiles(TimeSpan minimumAge)
    {
        if (!Directory.Exists(StagingFolder))
        {
            return 0;
        }

        var cutoff = DateTime.UtcNow - minimumAge;
        var deleted = 0;
        foreach (var file in new DirectoryInfo(StagingFolder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Deletes a resource's file; does nothing when there is none.</summary>
    public void Delete(string resourceId) => File.Delete(GetPath(resourceId));

    private static async Task<long> CopyLimitedAsync(
        Stream content,
        string path,
        long maxBytes,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferSize];
        long size = 0;
        await using var output = new FileStream(
            path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true);
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > maxBytes)
            {
                throw ValidationException.ForField("upload", "File upload too large");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return size;
    }

    private static bool IsIdCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '-' or '_';
}
