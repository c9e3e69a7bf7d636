using System.Globalization;
using ExcelDataReader;

namespace Ckan.Ingest.Reading;

/// <summary>
/// Reads the first worksheet of an XLSX file with ExcelDataReader, which streams the sheet's rows.
/// Cells become the text a CSV export would hold: whole numbers without a decimal point, other numbers
/// in round-trip form, dates as ISO 8601, booleans as <c>true</c> or <c>false</c>.
/// </summary>
internal sealed class XlsxRowReader : IRowReader
{
    private readonly string _fileName;
    private readonly FileStream _stream;
    private readonly IExcelDataReader _reader;
    private string[] _cells = [];
    private long _row;

    // ExcelDataReader looks up Windows-1252 by code page even for XLSX files, which needs the provider.
    static XlsxRowReader()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }

    public XlsxRowReader(string path)
    {
        _fileName = Path.GetFileName(path);
        _stream = File.OpenRead(path);
        try
        {
            _reader = ExcelReaderFactory.CreateOpenXmlReader(_stream);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _stream.Dispose();
            throw new IngestException(
                $"The file {Path.GetFileName(path)} is not a readable XLSX workbook: {error.Message}", error);
        }
    }

    public int CellCount => _cells.Length;

    public long Position => _row;

    // The position in the compressed file, which the sheet's rows follow closely enough for an estimate.
    public double FractionRead => _stream.Length == 0 ? 1 : Math.Min(1, _stream.Position / (double)_stream.Length);

    public bool MoveNext()
    {
        if (!ReadRow())
        {
            return false;
        }

        _row++;
        if (_cells.Length != _reader.FieldCount)
        {
            _cells = new string[_reader.FieldCount];
        }

        for (var index = 0; index < _cells.Length; index++)
        {
            _cells[index] = Format(_reader.GetValue(index));
        }

        return true;
    }

    public ReadOnlySpan<char> GetCell(int index) => _cells[index];

    private bool ReadRow()
    {
        try
        {
            return _reader.Read();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new IngestException(
                $"The file {_fileName} could not be read after sheet row {_row}: {error.Message}", error);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        double number when Math.Abs(number) < 1e15 && number == Math.Floor(number) =>
            number.ToString("0", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
