using System.Collections;
using System.Data.Common;
using Ckan.Core.Json;

namespace Ckan.Storage.Postgres;

/// <summary>
/// A reader over an Npgsql result that hands <c>timestamp</c> columns out as text in the catalog's
/// storage form (<c>yyyy-MM-ddTHH:mm:ss.ffffff</c>), so the row types shared with SQLite, whose
/// timestamps are strings, map from <c>SELECT *</c> unchanged. Every other column passes through.
/// </summary>
internal sealed class StorageTextReader(DbDataReader inner) : DbDataReader
{
    public override int FieldCount => inner.FieldCount;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override int RecordsAffected => inner.RecordsAffected;
    public override bool HasRows => inner.HasRows;
    public override bool IsClosed => inner.IsClosed;
    public override int Depth => inner.Depth;

    public override Type GetFieldType(int ordinal) =>
        IsTimestamp(ordinal) ? typeof(string) : inner.GetFieldType(ordinal);

    public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
    public override string GetName(int ordinal) => inner.GetName(ordinal);
    public override int GetOrdinal(string name) => inner.GetOrdinal(name);
    public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);

    public override object GetValue(int ordinal)
    {
        var value = inner.GetValue(ordinal);
        return value is DateTime timestamp ? CkanTime.ToStorage(timestamp) : value;
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override string GetString(int ordinal) =>
        IsTimestamp(ordinal) ? CkanTime.ToStorage(inner.GetDateTime(ordinal)) : inner.GetString(ordinal);

    public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);
    public override byte GetByte(int ordinal) => inner.GetByte(ordinal);
    public override char GetChar(int ordinal) => inner.GetChar(ordinal);
    public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
    public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);
    public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);
    public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);
    public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);
    public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);
    public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);
    public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

    public override bool NextResult() => inner.NextResult();
    public override bool Read() => inner.Read();

    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool IsTimestamp(int ordinal) => inner.GetFieldType(ordinal) == typeof(DateTime);
}
