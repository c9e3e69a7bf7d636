using Ckan.Core.Errors;
using Ckan.Core.Uploads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Ckan.Web.Uploads;

/// <summary>
/// Reads a <c>multipart/form-data</c> body section by section: form fields into a list of name and
/// values, the first file part named <c>upload</c> straight to the storage folder's staging area, and
/// other file parts skipped. No file is held in memory.
/// </summary>
internal static class MultipartFormReader
{
    private const string UploadField = "upload";
    private const int MaxSections = 1024;
    private const int MaxFieldBytes = 32 * 1024 * 1024;

    /// <summary>
    /// Reads the body; <paramref name="files"/> is null when uploads are off, and then the upload part is
    /// read and dropped as CKAN drops it.
    /// </summary>
    /// <exception cref="BadRequestException">The body is not valid multipart data.</exception>
    /// <exception cref="ValidationException">The upload is longer than <paramref name="maxUploadBytes"/>.</exception>
    public static async Task<MultipartForm> ReadAsync(
        HttpRequest request,
        ResourceFileStore? files,
        long maxUploadBytes,
        CancellationToken cancellationToken)
    {
        var boundary = ReadBoundary(request.ContentType);
        var reader = new MultipartReader(boundary, request.Body)
        {
            // The section limit sits above the upload limit so that an oversized upload gets CKAN's
            // "File upload too large" message rather than a generic one.
            BodyLengthLimit = Math.Max(maxUploadBytes + 1, MaxFieldBytes),
        };
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        StagedUpload? upload = null;
        var fileCount = 0;
        try
        {
            for (var count = 0; ; count++)
            {
                var section = await reader.ReadNextSectionAsync(cancellationToken);
                if (section is null)
                {
                    return new MultipartForm(fields, fileCount, upload);
                }

                if (count >= MaxSections)
                {
                    throw new BadRequestException(
                        $"Form Error: the form body has more than {MaxSections} parts; send fewer fields.");
                }

                var disposition = ReadDisposition(section);
                if (disposition.IsFileDisposition())
                {
                    fileCount++;
                    upload ??= await ReadFileAsync(section, disposition, files, maxUploadBytes, cancellationToken);
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var value = await new FormMultipartSection(section, disposition).GetValueAsync(cancellationToken);
                fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), value);
            }
        }
        catch (InvalidDataException error)
        {
            upload?.Dispose();
            throw new BadRequestException("Form Error: the form body could not be read: " + error.Message);
        }
        catch (IOException error) when (error is not BadHttpRequestException)
        {
            // A body cut short by the client ends here; Kestrel's own limits keep their status upstream.
            upload?.Dispose();
            throw new BadRequestException("Form Error: the form body could not be read: " + error.Message);
        }
        catch
        {
            upload?.Dispose();
            throw;
        }
    }

    private static async Task<StagedUpload?> ReadFileAsync(
        MultipartSection section,
        ContentDispositionHeaderValue disposition,
        ResourceFileStore? files,
        long maxUploadBytes,
        CancellationToken cancellationToken)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
        var fileName = HeaderUtilities.RemoveQuotes(
            StringSegment.IsNullOrEmpty(disposition.FileNameStar) ? disposition.FileName : disposition.FileNameStar)
            .Value;

        // A browser sends an empty file part with no name when no file was chosen; CKAN treats it as absent.
        if (files is null || !string.Equals(name, UploadField, StringComparison.Ordinal)
            || string.IsNullOrEmpty(fileName))
        {
            return null;
        }

        var munged = UploadFileName.Munge(fileName);
        return await files.StageAsync(
            section.Body, fileName, FileMediaTypes.Guess(munged), maxUploadBytes, cancellationToken);
    }

    private static string ReadBoundary(string? contentType)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
            if (!StringSegment.IsNullOrEmpty(boundary))
            {
                return boundary.Value!;
            }
        }

        throw new BadRequestException("Form Error: the multipart content type has no boundary parameter.");
    }

    private static ContentDispositionHeaderValue ReadDisposition(MultipartSection section)
    {
        if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            && (disposition.IsFileDisposition() || disposition.IsFormDisposition()))
        {
            return disposition;
        }

        throw new BadRequestException(
            "Form Error: a multipart part has no valid Content-Disposition form-data header.");
    }
}

/// <summary>The fields, the number of file parts and the staged upload of a multipart body.</summary>
internal sealed record MultipartForm(
    IReadOnlyDictionary<string, StringValues> Fields,
    int FileCount,
    StagedUpload? Upload);
