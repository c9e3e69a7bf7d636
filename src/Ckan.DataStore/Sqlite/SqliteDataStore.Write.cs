using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Microsoft.Data.Sqlite;

namespace Ckan.DataStore.Sqlite;

public sealed partial class SqliteDataStore
{
    public async Task WriteAsync(
        TableSchema schema,
        WriteMethod method,
        IReadOnlyList<RecordValues> records,
        bool dryRun,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            if (method == WriteMethod.Insert)
            {
                await InsertAsync(connection, transaction, schema, records, cancellationToken);
            }
            else
            {
                foreach (var record in records)
                {
                    await UpdateOneAsync(connection, transaction, schema, record, method, cancellationToken);
                }
            }
        }
        catch (SqliteException error) when (error.SqliteErrorCode == 19)
        {
            throw UniqueViolation(error);
        }

        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> DeleteRowsAsync(
        TableSchema schema,
        IReadOnlyList<FilterClause> filters,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = SqliteSearchSql.Where(filters, [], command);
        command.CommandText = $"DELETE FROM {FieldNames.Quote(schema.ResourceId)} AS src{where}";
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // One prepared statement is reused for every record of the transaction.
    private static async Task InsertAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        TableSchema schema,
        IReadOnlyList<RecordValues> records,
        CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var withId = records.Any(record => record.Values.ContainsKey("_id"));
        var columns = schema.Fields.Select(field => (field.Id, field.Type)).ToList();
        if (withId)
        {
            columns.Insert(0, ("_id", FieldType.Int4));
        }

        await using var command = PrepareInsert(connection, transaction, schema.ResourceId, columns.Select(column => column.Id).ToList());
        foreach (var record in records)
        {
            for (var index = 0; index < columns.Count; index++)
            {
                command.Parameters[index].Value = SqliteValues.ToStorage(columns[index].Type, record.Values.GetValueOrDefault(columns[index].Id));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SqliteCommand PrepareInsert(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string table,
        IReadOnlyList<string> columns)
    {
        var names = string.Join(", ", columns.Select(FieldNames.Quote));
        var values = string.Join(", ", columns.Select((_, index) => "$p" + index));
        var command = Command(connection, transaction, $"INSERT INTO {FieldNames.Quote(table)} ({names}) VALUES ({values})");
        for (var index = 0; index < columns.Count; index++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + index, null));
        }

        command.Prepare();
        return command;
    }

    private static async Task UpdateOneAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        TableSchema schema,
        RecordValues record,
        WriteMethod method,
        CancellationToken cancellationToken)
    {
        var key = RecordKeys.KeyColumns(schema, record);
        var table = FieldNames.Quote(schema.ResourceId);
        var changed = record.Values.Keys
            .Where(column => column != "_id" && !key.Contains(column, StringComparer.Ordinal))
            .ToList();
        await using var update = Command(connection, transaction, "");
        var match = string.Join(" AND ", key.Select(column => $"{FieldNames.Quote(column)} = {Add(update, schema, column, record)}"));
        if (changed.Count > 0)
        {
            var assignments = changed.Select(column => $"{FieldNames.Quote(column)} = {Add(update, schema, column, record)}");
            update.CommandText = $"UPDATE {table} SET {string.Join(", ", assignments)} WHERE {match}";
        }
        else
        {
            update.CommandText = $"SELECT count(*) FROM {table} WHERE {match}";
        }

        var affected = changed.Count > 0
            ? await update.ExecuteNonQueryAsync(cancellationToken)
            : Convert.ToInt32(await update.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (affected > 0)
        {
            return;
        }

        if (method == WriteMethod.Update)
        {
            throw RecordKeys.NotFound(key, record);
        }

        await using var insert = Command(connection, transaction, "");
        var columns = record.Values.Keys.ToList();
        var values = columns.Select(column => Add(insert, schema, column, record)).ToList();
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(FieldNames.Quote))}) VALUES ({string.Join(", ", values)})";
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Add(SqliteCommand command, TableSchema schema, string column, RecordValues record)
    {
        var type = column == "_id" ? FieldType.Int4 : schema.Find(column)!.Type;
        var name = "$p" + command.Parameters.Count;
        command.Parameters.AddWithValue(name, SqliteValues.ToStorage(type, record.Values[column]));
        return name;
    }
}
