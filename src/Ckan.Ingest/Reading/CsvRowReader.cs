using System.Text;
using Ckan.Ingest.Detection;
using nietras.SeparatedValues;

namespace Ckan.Ingest.Reading;

/// <summary>Reads a delimited text file with Sep, decoding it with the detected encoding.</summary>
internal sealed class CsvRowReader : IRowReader
{
    private const int BufferSize = 1 << 16;

    private readonly StreamReader _text;
    private readonly SepReader _reader;

    public CsvRowReader(string path, Encoding encoding, CsvDialect dialect)
    {
        // The stream reader skips a byte order mark that matches the encoding.
        _text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false, BufferSize);
        _reader = Sep.New(dialect.Separator)
            .Reader(options => options with
            {
                HasHeader = false,
                Unescape = true,
                DisableColCountCheck = true,
            })
            .From(_text);
    }

    public int CellCount => _reader.Current.ColCount;

    public long Position => _reader.Current.LineNumberFrom;

    public bool MoveNext() => _reader.MoveNext();

    public ReadOnlySpan<char> GetCell(int index) => _reader.Current[index].Span;

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
