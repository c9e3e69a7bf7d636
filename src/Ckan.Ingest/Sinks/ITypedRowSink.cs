using Ckan.Core.Tabular;

namespace Ckan.Ingest.Sinks;

/// <summary>
/// A sink that can also take the rows one typed value at a time. The ingest then reads a file once instead
/// of twice in the usual case, and makes no row array or boxed value per cell.
/// </summary>
public interface ITypedRowSink : ITabularSink
{
    /// <summary>
    /// Starts a load of rows with these fields, or returns null when the sink cannot take typed values for
    /// them, in which case the ingest calls <see cref="ITabularSink.WriteAsync"/> instead. Each field's type
    /// decides which write method its values go through: <c>int4</c> to
    /// <see cref="ITypedRowWriter.WriteInt4"/>, <c>numeric</c> to <see cref="ITypedRowWriter.WriteNumeric"/>
    /// and so on; empty cells to <see cref="ITypedRowWriter.WriteNull"/>. The ingest may dispose a writer
    /// without committing it and start another with other types.
    /// </summary>
    Task<ITypedRowWriter?> BeginTypedRowsAsync(
        IReadOnlyList<IngestField> fields,
        CancellationToken cancellationToken = default);
}
