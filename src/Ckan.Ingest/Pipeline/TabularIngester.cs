using System.Runtime.CompilerServices;
using Ckan.Ingest.Detection;
using Ckan.Ingest.Reading;
using Ckan.Ingest.Sinks;
using Ckan.Ingest.Typing;

namespace Ckan.Ingest.Pipeline;

/// <summary>
/// Loads a CSV, TSV or XLSX file into a sink. It detects the encoding and separator, cleans the headers and
/// infers each column's type from every value, then converts and streams the rows. A sink of row arrays gets
/// two passes over the file on disk, one to type and one to convert. A sink that takes typed values gets one
/// pass in the usual case (see <see cref="OnePassLoad"/>). Memory use does not grow with the file's length.
/// </summary>
public static class TabularIngester
{
    private const int CancellationCheckInterval = 4096;

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Ingests the file at <paramref name="path"/> into <paramref name="sink"/>.</summary>
    /// <exception cref="IngestException">The file is missing, empty, has only blank lines, or is a
    /// damaged workbook; the message names the file.</exception>
    public static Task<IngestResult> IngestAsync(
        string path,
        ITabularSink sink,
        CancellationToken cancellationToken = default) =>
        IngestAsync(path, sink, null, cancellationToken);

    /// <summary>
    /// Ingests the file at <paramref name="path"/> into <paramref name="sink"/>, calling
    /// <paramref name="progress"/> once the first pass has counted the rows, then at most once a second while
    /// rows go to the sink, and once after the last row.
    /// </summary>
    /// <exception cref="IngestException">The file is missing, empty, has only blank lines, or is a
    /// damaged workbook; the message names the file.</exception>
    public static async Task<IngestResult> IngestAsync(
        string path,
        ITabularSink sink,
        IngestProgressHandler? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(sink);

        var source = await OpenSourceAsync(path, cancellationToken);
        var typedSink = sink as ITypedRowSink;
        TableProfile? profile = null;
        if (typedSink is not null)
        {
            var outcome = await OnePassLoad.RunAsync(source, typedSink, progress, cancellationToken);
            if (outcome.Result is not null)
            {
                return outcome.Result;
            }

            profile = outcome.Profile;
            typedSink = outcome.SinkDeclined ? null : typedSink;
        }

        if (profile is null)
        {
            using var reader = source.Open();
            profile = TableProfile.Build(reader, cancellationToken);
        }

        if (!profile.HasHeader)
        {
            throw new IngestException(
                $"The file {Path.GetFileName(path)} has no header row: every line is blank. " +
                "Upload a file whose first line names the columns.");
        }

        var types = profile.DecideTypes();
        var fields = IngestFields.Create(profile, types);
        var counter = new RowCounter(profile.RowCount, progress);
        await counter.ReportAsync(cancellationToken);
        var writer = typedSink is null ? null : await typedSink.BeginTypedRowsAsync(fields, cancellationToken);
        if (writer is null)
        {
            await sink.WriteAsync(fields, ConvertRowsAsync(source, types, counter, cancellationToken), cancellationToken);
        }
        else
        {
            await using (writer)
            {
                using (var reader = source.Open())
                {
                    await TypedRowPass.RunAsync(reader, types, writer, null, counter, cancellationToken);
                }

                await writer.CommitAsync(cancellationToken);
            }
        }

        await counter.ReportAsync(cancellationToken);
        return IngestResult.Create(source, fields, counter.Count, profile);
    }

    private static async Task<TableSource> OpenSourceAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new IngestException($"The file {path} was not found.");
        }

        if (file.Length == 0)
        {
            throw new IngestException(
                $"The file {file.Name} is empty. Upload a file whose first line names the columns.");
        }

        var head = new byte[ZipSignature.Length];
        await using (var stream = file.OpenRead())
        {
            await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (head.AsSpan().SequenceEqual(ZipSignature))
        {
            return new TableSource("xlsx", null, null, () => new XlsxRowReader(path));
        }

        var encoding = await EncodingDetector.DetectAsync(path, cancellationToken);
        var dialect = await SniffAsync(path, encoding, cancellationToken);
        return new TableSource("csv", encoding, dialect, () => new CsvRowReader(path, encoding, dialect));
    }

    private static async Task<CsvDialect> SniffAsync(
        string path,
        DetectedEncoding encoding,
        CancellationToken cancellationToken)
    {
        using var text = CsvRowReader.OpenText(path, encoding);
        var sample = new char[DialectSniffer.SampleLength];
        var length = await text.ReadBlockAsync(sample, cancellationToken);
        return DialectSniffer.Sniff(sample.AsSpan(0, length), isComplete: length < sample.Length);
    }

    // The reader is synchronous (Sep and ExcelDataReader parse from buffered file reads); the rows are
    // handed out as an async stream so that a sink can await its own writes between them.
    private static async IAsyncEnumerable<object?[]> ConvertRowsAsync(
        TableSource source,
        IReadOnlyList<ColumnType> types,
        RowCounter counter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = source.Open();
        var row = new object?[types.Count];
        var headerSeen = false;
        while (reader.MoveNext())
        {
            var width = TableProfile.DataRowWidth(reader, ref headerSeen);
            if (width == 0)
            {
                continue;
            }

            for (var index = 0; index < row.Length; index++)
            {
                row[index] = index < width ? ValueConverter.Convert(reader.GetCell(index), types[index]) : null;
            }

            counter.Count++;
            if (counter.Count % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            if (counter.IsReportDue())
            {
                await counter.ReportAsync(cancellationToken);
            }

            yield return row;
        }
    }
}
