using Ckan.Core.Errors;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Npgsql;
using NpgsqlTypes;

namespace Ckan.DataStore.Postgres;

public sealed partial class PostgresDataStore
{
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
        var staging = StagingTableName(resourceId);

        await using var connection = await _write.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var previous = await ReadSchemaAsync(connection, resourceId, cancellationToken);
        await CreateTableAsync(connection, transaction, staging, fields, true, cancellationToken);
        var count = await CopyRowsAsync(connection, staging, fields, rows, cancellationToken);
        await SwapInAsync(connection, transaction, resourceId, staging, previous, fields, count, cancellationToken);
        return count;
    }

    // After the COPY into the staging table: the key, the sequence, the full-text trigger and the field
    // comments, then the staging table replaces the old one (keeping its aliases) and the transaction commits.
    private async Task SwapInAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string resourceId,
        string staging,
        TableSchema? previous,
        IReadOnlyList<DataStoreField> fields,
        long count,
        CancellationToken cancellationToken)
    {
        var table = FieldNames.Quote(resourceId);
        await ExecuteAsync(connection, transaction, $"ALTER TABLE {staging} ADD PRIMARY KEY (\"_id\")", cancellationToken);
        if (count > 0)
        {
            await ExecuteAsync(
                connection,
                transaction,
                $"SELECT setval(pg_get_serial_sequence({SqlLiteral(staging)}, '_id'), {count})",
                cancellationToken);
        }

        // The trigger comes after the COPY, so the loaded rows skip it (the fill below computes their
        // _full_text in batches) and rows written later get theirs as in CKAN.
        await ExecuteAsync(connection, transaction, PostgresObjects.FullTextTrigger(staging), cancellationToken);
        var kept = BulkLoadFields.KeepInfo(fields, previous);
        await WriteCommentsAsync(connection, transaction, staging, kept, cancellationToken);
        if (previous is not null)
        {
            await ExecuteAsync(connection, transaction, $"DROP TABLE {table} CASCADE", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, $"ALTER TABLE {staging} RENAME TO {table}", cancellationToken);
        foreach (var alias in previous?.Aliases ?? [])
        {
            await ExecuteAsync(
                connection, transaction, $"CREATE VIEW {FieldNames.Quote(alias)} AS SELECT * FROM {table}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Forget(resourceId);

        // The full-text column and index, then VACUUM ANALYZE, follow in the background; q searches
        // wait for them (see PostgresDataStore.FullText.cs).
        StartFillAfterLoad(resourceId);
    }

    private static string StagingTableName(string resourceId) =>
        FieldNames.Quote($"{resourceId}_load_{Guid.NewGuid().ToString("N")[..8]}");

    private static string CopyColumns(IReadOnlyList<DataStoreField> fields) =>
        string.Join(", ", fields.Select(field => FieldNames.Quote(field.Id)).Prepend("\"_id\""));

    private static async Task<long> CopyRowsAsync(
        NpgsqlConnection connection,
        string staging,
        IReadOnlyList<DataStoreField> fields,
        IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken cancellationToken)
    {
        var columns = CopyColumns(fields);
        var types = fields.Select(field => BinaryCopyValues.DbType(field.Type)).ToArray();
        long count = 0;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            count++;
            BulkLoadFields.CheckWidth(fields, row, count);
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(checked((int)count), NpgsqlDbType.Integer, cancellationToken);
            for (var index = 0; index < fields.Count; index++)
            {
                // The ingester's values are already typed, so most skip the coercion and its allocations.
                var type = fields[index].Type;
                var value = BinaryCopyValues.IsWritable(type, row[index])
                    ? row[index]
                    : BinaryCopyValues.ToClr(type, BulkLoadFields.CoerceValue(fields[index], row[index], count));
                await WriteValueAsync(importer, value, types[index], cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
        return count;
    }

    // The typed overloads avoid Npgsql's handling of values passed as object. NOTE: their gain was not
    // measured apart from the other changes to the load.
    private static Task WriteValueAsync(
        NpgsqlBinaryImporter importer,
        object? value,
        NpgsqlDbType type,
        CancellationToken cancellationToken) => value switch
        {
            null => importer.WriteNullAsync(cancellationToken),
            string text => importer.WriteAsync(text, type, cancellationToken),
            int number => importer.WriteAsync(number, type, cancellationToken),
            long number => importer.WriteAsync(number, type, cancellationToken),
            decimal number => importer.WriteAsync(number, type, cancellationToken),
            double number => importer.WriteAsync(number, type, cancellationToken),
            bool flag => importer.WriteAsync(flag, type, cancellationToken),
            DateOnly day => importer.WriteAsync(day, type, cancellationToken),
            DateTime moment => importer.WriteAsync(moment, type, cancellationToken),
            _ => importer.WriteAsync(value, type, cancellationToken),
        };
}
