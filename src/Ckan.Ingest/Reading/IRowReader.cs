namespace Ckan.Ingest.Reading;

/// <summary>
/// Reads a table row by row, exposing cells as character spans that stay valid until the next
/// <see cref="MoveNext"/>. Not thread safe.
/// </summary>
internal interface IRowReader : IDisposable
{
    /// <summary>The number of cells in the current row.</summary>
    int CellCount { get; }

    /// <summary>The 1-based line (text files) or sheet row (spreadsheets) where the current row starts.</summary>
    long Position { get; }

    /// <summary>About how much of the file has been read, from 0 to 1, for progress estimates.</summary>
    double FractionRead { get; }

    /// <summary>Moves to the next row; returns false at the end of the table.</summary>
    bool MoveNext();

    /// <summary>Returns a cell of the current row, unquoted.</summary>
    ReadOnlySpan<char> GetCell(int index);
}
