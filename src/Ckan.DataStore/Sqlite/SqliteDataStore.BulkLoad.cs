using Ckan.Core.Tabular;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Microsoft.Data.Sqlite;

namespace Ckan.DataStore.Sqlite;

public sealed partial class SqliteDataStore
{
    // SQLite's batched inserts take the row arrays of BulkLoadAsync; a typed writer would save little there.
    public Task<ITypedRowWriter?> BeginTypedLoadAsync(
        string resourceId,
        IReadOnlyList<DataStoreField> fields,
        CancellationToken cancellationToken = default) => Task.FromResult<ITypedRowWriter?>(null);

    public async Task<long> BulkLoadAsync(
        string resourceId,
        IReadOnlyList<DataStoreField> fields,
        IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(rows);
        BulkLoadFields.Check(fields);
        var staging = $"_load_{Guid.NewGuid():N}";

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var previous = await ReadSchemaAsync(connection, transaction, resourceId, cancellationToken);
            await CreateTableAsync(connection, transaction, FieldNames.Quote(staging), fields, cancellationToken);
            var count = await InsertRowsAsync(connection, transaction, staging, fields, rows, cancellationToken);

            if (previous is not null)
            {
                await DropTableAsync(connection, transaction, previous, cancellationToken);
            }

            await ExecuteAsync(connection, transaction,
                $"ALTER TABLE {FieldNames.Quote(staging)} RENAME TO {FieldNames.Quote(resourceId)}", cancellationToken);
            var kept = BulkLoadFields.KeepInfo(fields, previous);
            await SaveMetadataAsync(connection, transaction, resourceId, kept, [], cancellationToken);
            await RebuildFullTextAsync(connection, transaction, resourceId, kept, cancellationToken);
            var aliases = new TableDefinition { ResourceId = resourceId, Fields = kept, Aliases = previous?.Aliases ?? [] };
            await CreateAliasesAsync(connection, transaction, aliases, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            Forget(resourceId);
        }
    }

    private static async Task<long> InsertRowsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string staging,
        IReadOnlyList<DataStoreField> fields,
        IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken cancellationToken)
    {
        await using var command = PrepareInsert(connection, transaction, staging, fields.Select(field => field.Id).ToList());
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            count++;
            var values = BulkLoadFields.Coerce(fields, row, count);
            for (var index = 0; index < fields.Count; index++)
            {
                command.Parameters[index].Value = SqliteValues.ToStorage(fields[index].Type, values[index]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return count;
    }
}
