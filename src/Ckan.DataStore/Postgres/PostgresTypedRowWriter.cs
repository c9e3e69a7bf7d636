using Ckan.Core.Tabular;
using Npgsql;

namespace Ckan.DataStore.Postgres;

/// <summary>
/// Streams typed rows into a staging table as PostgreSQL's binary COPY format, encoded here rather than
/// through Npgsql's importer: one call per value there, with its checks and dispatch, cost more processor
/// time than the server spends storing the row. <c>_id</c> is numbered here; committing ends the COPY and
/// swaps the staging table in, and disposing without committing cancels the COPY and rolls back.
/// </summary>
internal sealed class PostgresTypedRowWriter(
    IReadOnlyList<TypedColumn> columns,
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    NpgsqlRawCopyStream copy,
    Func<long, CancellationToken, Task> swapIn) : ITypedRowWriter
{
    // PostgreSQL stores dates and timestamps from 2000-01-01.
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long EpochTicks = new DateTime(2000, 1, 1).Ticks;

    private readonly BinaryCopyBuffer _buffer = CreateBuffer();
    private int _column = -1;
    private long _rows;
    private bool _copyEnded;
    private bool _committed;

    public void WriteNull()
    {
        Next(null);
        _buffer.WriteInt32(-1);
    }

    public void WriteInt4(int value)
    {
        Next(TypedColumn.Int4);
        _buffer.WriteInt32(4);
        _buffer.WriteInt32(value);
    }

    public void WriteInt8(long value)
    {
        Next(TypedColumn.Int8);
        _buffer.WriteInt32(8);
        _buffer.WriteInt64(value);
    }

    public void WriteNumeric(ReadOnlySpan<char> text)
    {
        Next(TypedColumn.Numeric);
        NumericBinary.Write(_buffer, text);
    }

    public void WriteFloat8(double value)
    {
        Next(TypedColumn.Float8);
        _buffer.WriteInt32(8);
        _buffer.WriteInt64(BitConverter.DoubleToInt64Bits(value));
    }

    public void WriteBool(bool value)
    {
        Next(TypedColumn.Bool);
        _buffer.WriteInt32(1);
        _buffer.WriteByte(value ? (byte)1 : (byte)0);
    }

    public void WriteDate(DateOnly value)
    {
        Next(TypedColumn.Date);
        _buffer.WriteInt32(4);
        _buffer.WriteInt32(value.DayNumber - EpochDay);
    }

    public void WriteTimestamp(DateTime value)
    {
        Next(TypedColumn.Timestamp);
        _buffer.WriteInt32(8);
        _buffer.WriteInt64((value.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    public void WriteText(ReadOnlySpan<char> value)
    {
        Next(TypedColumn.Text);
        _buffer.WriteText(value);
    }

    public async ValueTask EndRowAsync(CancellationToken cancellationToken = default)
    {
        if (_column != columns.Count - 1)
        {
            throw new InvalidOperationException($"A row needs {columns.Count} values; it got {_column + 1}.");
        }

        _column = -1;
        if (_buffer.IsDueToSend)
        {
            await SendAsync(cancellationToken);
        }
    }

    public async Task<long> CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_column != -1)
        {
            throw new InvalidOperationException("The last row was not ended.");
        }

        _buffer.WriteTrailer();
        await SendAsync(cancellationToken);
        _copyEnded = true;
        await copy.DisposeAsync();
        await swapIn(_rows, cancellationToken);
        _committed = true;
        return _rows;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_copyEnded)
            {
                _copyEnded = true;
                await copy.CancelAsync();
            }

            if (!_committed)
            {
                await transaction.RollbackAsync();
            }
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            // The connection is closed below whatever state the COPY left it in, which discards the
            // uncommitted staging table.
        }
        finally
        {
            await copy.DisposeAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            _buffer.Dispose();
        }
    }

    private static BinaryCopyBuffer CreateBuffer()
    {
        var buffer = new BinaryCopyBuffer();
        buffer.WriteHeader();
        return buffer;
    }

    // Starts a row with its field count and _id before its first value, and checks each value's type
    // against its column so that a caller's mistake fails here instead of as a garbled row.
    private void Next(TypedColumn? type)
    {
        if (_column == -1)
        {
            _rows++;
            _buffer.WriteInt16(checked((short)(columns.Count + 1)));
            _buffer.WriteInt32(4);
            _buffer.WriteInt32(checked((int)_rows));
        }

        _column++;
        if (_column >= columns.Count)
        {
            throw new InvalidOperationException($"A row has {columns.Count} values; this one got more.");
        }

        if (type is { } given && given != columns[_column])
        {
            throw new InvalidOperationException(
                $"Column {_column + 1} is {columns[_column]}, not {given}.");
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await copy.WriteAsync(_buffer.Content, cancellationToken);
        _buffer.Clear();
    }
}
