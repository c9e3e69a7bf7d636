namespace Ckan.Ingest.Sinks;

/// <summary>A sink that only counts rows and non-null cells, for benchmarks and dry runs.</summary>
public sealed class CountingSink : ITabularSink
{
    /// <summary>The rows received by the last write.</summary>
    public long RowCount { get; private set; }

    /// <summary>The non-null cells received by the last write.</summary>
    public long ValueCount { get; private set; }

    public async Task WriteAsync(
        IReadOnlyList<IngestField> fields,
        IAsyncEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);

        RowCount = 0;
        ValueCount = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            RowCount++;
            foreach (var value in row)
            {
                if (value is not null)
                {
                    ValueCount++;
                }
            }
        }
    }
}
