namespace Ckan.Search;

/// <summary>
/// The on-disk search index cannot be opened or written: its folder is missing files, is corrupt, is
/// locked by another process or cannot be accessed. The message names the folder and what to do.
/// </summary>
public sealed class SearchIndexUnavailableException : InvalidOperationException
{
    public SearchIndexUnavailableException(string indexPath, string message, Exception? innerException)
        : base(message, innerException)
    {
        IndexPath = indexPath;
    }

    /// <summary>The index folder.</summary>
    public string IndexPath { get; }
}
