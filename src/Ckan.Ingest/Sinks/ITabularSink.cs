namespace Ckan.Ingest.Sinks;

/// <summary>
/// The destination of an ingest, such as a DataStore table. The pipeline calls <see cref="WriteAsync"/>
/// once per ingest.
/// </summary>
public interface ITabularSink
{
    /// <summary>
    /// Stores the rows. Each row has one value per field, in field order, typed by the field's CKAN
    /// type: <c>string</c> (text), <c>int</c> (int4), <c>long</c> (int8), <c>decimal</c> (numeric),
    /// <c>double</c> (float8, NaN and infinities included), <c>bool</c>, <c>DateOnly</c> (date) and
    /// <c>DateTime</c> with unspecified kind (timestamp); null for an empty cell. A row array is only
    /// valid until the next one is read, so a sink that keeps rows must copy them.
    /// </summary>
    Task WriteAsync(
        IReadOnlyList<IngestField> fields,
        IAsyncEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default);
}
