using Ckan.Core.Tabular;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;

namespace Ckan.DataStore.Postgres;

public sealed partial class PostgresDataStore
{
    public async Task<ITypedRowWriter?> BeginTypedLoadAsync(
        string resourceId,
        IReadOnlyList<DataStoreField> fields,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        ArgumentNullException.ThrowIfNull(fields);
        BulkLoadFields.Check(fields);
        var columns = new TypedColumn[fields.Count];
        for (var index = 0; index < fields.Count; index++)
        {
            if (TypedColumns.Find(fields[index].Type) is not { } column)
            {
                return null;
            }

            columns[index] = column;
        }

        var staging = StagingTableName(resourceId);
        var connection = await _write.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var previous = await ReadSchemaAsync(connection, resourceId, cancellationToken);
            await CreateTableAsync(connection, transaction, staging, fields, true, cancellationToken);
            var copy = await connection.BeginRawBinaryCopyAsync(
                $"COPY {staging} ({CopyColumns(fields)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            return new PostgresTypedRowWriter(
                columns,
                connection,
                transaction,
                copy,
                (count, token) => SwapInAsync(connection, transaction, resourceId, staging, previous, fields, count, token));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
