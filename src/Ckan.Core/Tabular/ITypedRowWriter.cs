namespace Ckan.Core.Tabular;

/// <summary>
/// Takes rows one typed value at a time, so a bulk load of millions of rows makes no row array and boxes no
/// value per cell. Each row gets one value per column, in column order, then <see cref="EndRowAsync"/>. The
/// rows become visible only when <see cref="CommitAsync"/> returns; disposing the writer without committing
/// discards them.
/// </summary>
public interface ITypedRowWriter : IAsyncDisposable
{
    void WriteNull();

    void WriteInt4(int value);

    void WriteInt8(long value);

    /// <summary>
    /// Writes a numeric value from its text: an optional minus sign, digits with an optional fraction, and an
    /// optional exponent (<c>-12.50</c>, <c>.5</c>, <c>1.5e3</c>). Every digit is kept, so the value is exact.
    /// </summary>
    void WriteNumeric(ReadOnlySpan<char> text);

    void WriteFloat8(double value);

    void WriteBool(bool value);

    void WriteDate(DateOnly value);

    /// <summary>Writes a timestamp without time zone; the value's kind is ignored.</summary>
    void WriteTimestamp(DateTime value);

    void WriteText(ReadOnlySpan<char> value);

    /// <summary>Ends the current row; may send buffered rows on.</summary>
    ValueTask EndRowAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends the load and makes its rows visible; returns how many rows were written.</summary>
    Task<long> CommitAsync(CancellationToken cancellationToken = default);
}
