using System.Globalization;
using Ckan.Core.Tabular;
using Ckan.Ingest.Sinks;

namespace Ckan.Ingest.Tests;

/// <summary>
/// A sink that takes typed values and keeps the rows of the writer that committed, as the row sink's
/// values (numeric as decimal), with a count of the writers begun and of those disposed uncommitted.
/// </summary>
public sealed class TypedMemorySink : ITypedRowSink
{
    public IReadOnlyList<IngestField> Fields { get; private set; } = [];

    public List<object?[]> Rows { get; private set; } = [];

    public int WritersBegun { get; private set; }

    public int WritersDiscarded { get; private set; }

    public Task WriteAsync(
        IReadOnlyList<IngestField> fields,
        IAsyncEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A typed sink should get typed rows.");

    public Task<ITypedRowWriter?> BeginTypedRowsAsync(
        IReadOnlyList<IngestField> fields,
        CancellationToken cancellationToken = default)
    {
        WritersBegun++;
        return Task.FromResult<ITypedRowWriter?>(new Writer(this, fields));
    }

    private sealed class Writer(TypedMemorySink sink, IReadOnlyList<IngestField> fields) : ITypedRowWriter
    {
        private readonly List<object?[]> _rows = [];
        private readonly List<object?> _row = [];
        private bool _committed;

        public void WriteNull() => _row.Add(null);

        public void WriteInt4(int value) => _row.Add(value);

        public void WriteInt8(long value) => _row.Add(value);

        public void WriteNumeric(ReadOnlySpan<char> text) =>
            _row.Add(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

        public void WriteFloat8(double value) => _row.Add(value);

        public void WriteBool(bool value) => _row.Add(value);

        public void WriteDate(DateOnly value) => _row.Add(value);

        public void WriteTimestamp(DateTime value) => _row.Add(value);

        public void WriteText(ReadOnlySpan<char> value) => _row.Add(value.ToString());

        public ValueTask EndRowAsync(CancellationToken cancellationToken = default)
        {
            Assert.Equal(fields.Count, _row.Count);
            _rows.Add([.. _row]);
            _row.Clear();
            return ValueTask.CompletedTask;
        }

        public Task<long> CommitAsync(CancellationToken cancellationToken = default)
        {
            _committed = true;
            sink.Fields = fields;
            sink.Rows = _rows;
            return Task.FromResult((long)_rows.Count);
        }

        public ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                sink.WritersDiscarded++;
            }

            return ValueTask.CompletedTask;
        }
    }
}
