using Ckan.Ingest.Detection;
using nietras.SeparatedValues;

namespace Ckan.Ingest.Reading;

/// <summary>Reads a delimited text file with Sep, decoding it with the detected encoding.</summary>
internal sealed class CsvRowReader : IRowReader
{
    private const int BufferSize = 1 << 16;

    private readonly StreamReader _text;
    private readonly SepReader _reader;

    public CsvRowReader(string path, DetectedEncoding encoding, CsvDialect dialect)
    {
        _text = OpenText(path, encoding);
        _reader = Sep.New(dialect.Separator)
            .Reader(options => options with
            {
                HasHeader = false,
                Unescape = dialect.HasQuoting,
                DisableQuotesParsing = !dialect.HasQuoting,
                DisableColCountCheck = true,
            })
            .From(_text);
    }

    public int CellCount => _reader.Current.ColCount;

    public long Position => _reader.Current.LineNumberFrom;

    public double FractionRead => _text.BaseStream.Length == 0
        ? 1
        : Math.Min(1, _text.BaseStream.Position / (double)_text.BaseStream.Length);

    public bool MoveNext() => _reader.MoveNext();

    public ReadOnlySpan<char> GetCell(int index) => _reader.Current[index].Span;

    /// <summary>Opens the file as text after its byte order mark, which is not part of the first header.</summary>
    public static StreamReader OpenText(string path, DetectedEncoding encoding)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        stream.Position = encoding.PreambleLength;
        return new StreamReader(stream, encoding.Encoding, detectEncodingFromByteOrderMarks: false, BufferSize);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
