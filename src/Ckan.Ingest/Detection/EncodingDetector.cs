using System.Text;
using System.Text.Unicode;

namespace Ckan.Ingest.Detection;

/// <summary>
/// Detects a text file's encoding: a byte order mark names UTF-8 or UTF-16; without one, a sample whose
/// every other byte is zero is UTF-16; a file that is valid UTF-8 from start to end is UTF-8; anything
/// else is Windows-1252, the superset of Latin-1 that spreadsheet programs write.
/// </summary>
public static class EncodingDetector
{
    private const int BufferSize = 1 << 16;
    private const int SampleSize = 4096;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    /// <summary>The Windows-1252 encoding, from the code-page provider that .NET ships but does not register.</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Reads the file (all of it when it has no byte order mark) and returns its encoding.</summary>
    public static async Task<DetectedEncoding> DetectAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        var sample = new byte[SampleSize];
        var sampleLength = await stream.ReadAtLeastAsync(sample, SampleSize, throwOnEndOfStream: false, cancellationToken);
        var head = sample.AsSpan(0, sampleLength);

        if (FromPreamble(head) is { } marked)
        {
            return marked;
        }

        if (LooksLikeUtf16(head, out var utf16))
        {
            return new DetectedEncoding(utf16, 0);
        }

        stream.Position = 0;
        var isUtf8 = await IsValidUtf8Async(stream, cancellationToken);
        return new DetectedEncoding(isUtf8 ? StrictUtf8 : Windows1252, 0);
    }

    private static DetectedEncoding? FromPreamble(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DetectedEncoding(StrictUtf8, 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DetectedEncoding(Encoding.Unicode, 2);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DetectedEncoding(Encoding.BigEndianUnicode, 2);
        }

        return null;
    }

    // ASCII text in UTF-16 has a zero in every second byte; real 8-bit text files have almost none.
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> head, out Encoding encoding)
    {
        encoding = Encoding.Unicode;
        var pairs = head.Length / 2;
        if (pairs < 2)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var index = 0; index + 1 < head.Length; index += 2)
        {
            evenZeros += head[index] == 0 ? 1 : 0;
            oddZeros += head[index + 1] == 0 ? 1 : 0;
        }

        if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1)
        {
            return true;
        }

        encoding = Encoding.BigEndianUnicode;
        return evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1;
    }

    private static async Task<bool> IsValidUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize + 4];
        var chars = new char[BufferSize + 4];
        var carried = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(carried, BufferSize), cancellationToken);
            var length = carried + read;
            if (read == 0)
            {
                return carried == 0;
            }

            // A multi-byte character cut by the buffer end is carried over to the next read.
            var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _,
                replaceInvalidSequences: false, isFinalBlock: false);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return false;
            }

            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
        }
    }
}
