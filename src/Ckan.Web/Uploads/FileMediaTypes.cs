using Microsoft.AspNetCore.StaticFiles;

namespace Ckan.Web.Uploads;

/// <summary>Guesses a file's media type from its extension, as CKAN does with Python's <c>mimetypes</c>.</summary>
internal static class FileMediaTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = new();

    /// <summary>Returns the media type for the file name's extension, or null when it is unknown.</summary>
    public static string? Guess(string fileName) =>
        Provider.TryGetContentType(fileName, out var mediaType) ? mediaType : null;
}
