using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Ckan.Core.Tabular;
using Ckan.DataStore;
using Ckan.DataStore.Schema;
using Ckan.Ingest.Sinks;

namespace Ckan.DataPusher;

/// <summary>
/// Loads an ingested file into a resource's DataStore table through the store's bulk load, which swaps the
/// new table in only once every row is in, so a failed load leaves the previous table as it was. Where the
/// store takes typed values (PostgreSQL), the rows go to it that way.
/// </summary>
public sealed class DataStoreSink(IDataStore store, string resourceId) : ITypedRowSink
{
    public async Task WriteAsync(
        IReadOnlyList<IngestField> fields,
        IAsyncEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        await store.BulkLoadAsync(resourceId, Columns(fields), CopyRowsAsync(rows, cancellationToken), cancellationToken);
    }

    public Task<ITypedRowWriter?> BeginTypedRowsAsync(
        IReadOnlyList<IngestField> fields,
        CancellationToken cancellationToken = default) =>
        store.BeginTypedLoadAsync(resourceId, Columns(fields), cancellationToken);

    private static List<DataStoreField> Columns(IReadOnlyList<IngestField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.Select(field => new DataStoreField(
            field.Id,
            FieldType.Parse(field.Type) ?? FieldType.Text,
            new JsonObject(field.Info.Select(item => KeyValuePair.Create(item.Key, (JsonNode?)item.Value)))))
            .ToList();
    }

    // The ingester reuses its row array, so each row is copied before the store may keep it in a batch.
    private static async IAsyncEnumerable<IReadOnlyList<object?>> CopyRowsAsync(
        IAsyncEnumerable<object?[]> rows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return (object?[])row.Clone();
        }
    }
}
