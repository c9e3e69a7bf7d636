using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Npgsql;
using NpgsqlTypes;

namespace Ckan.DataStore.Postgres;

public sealed partial class PostgresDataStore
{
    // PostgreSQL takes at most 65535 parameters per statement.
    private const int MaxParameters = 30000;

    public async Task WriteAsync(
        TableSchema schema,
        WriteMethod method,
        IReadOnlyList<RecordValues> records,
        bool dryRun,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await _write.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
        catch (PostgresException error) when (IsDataError(error))
        {
            throw ToValidation(error, "records");
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
        await using var connection = await _write.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = PostgresSearchSql.Where(filters, [], command);
        command.CommandText = $"DELETE FROM {FieldNames.Quote(schema.ResourceId)} AS src{where}";
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        TableSchema schema,
        IReadOnlyList<RecordValues> records,
        CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var columns = schema.Fields.ToList();
        var withId = records.Any(record => record.Values.ContainsKey("_id"));
        var perRow = columns.Count + (withId ? 1 : 0);
        var batchSize = Math.Max(1, MaxParameters / Math.Max(1, perRow));
        for (var start = 0; start < records.Count; start += batchSize)
        {
            var batch = records.Skip(start).Take(batchSize).ToList();
            await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
            var names = columns.Select(field => FieldNames.Quote(field.Id)).ToList();
            if (withId)
            {
                names.Insert(0, "\"_id\"");
            }

            var sql = new StringBuilder($"INSERT INTO {FieldNames.Quote(schema.ResourceId)} ({string.Join(", ", names)}) VALUES ");
            for (var row = 0; row < batch.Count; row++)
            {
                var values = new List<string>();
                if (withId)
                {
                    values.Add(AddValue(command, FieldType.Int4, batch[row].Values.GetValueOrDefault("_id")));
                }

                values.AddRange(columns.Select(field => AddValue(command, field.Type, batch[row].Values.GetValueOrDefault(field.Id))));
                sql.Append(row == 0 ? "(" : ", (").AppendJoin(", ", values).Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task UpdateOneAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        TableSchema schema,
        RecordValues record,
        WriteMethod method,
        CancellationToken cancellationToken)
    {
        var key = RecordKeys.KeyColumns(schema, record);
        var table = FieldNames.Quote(schema.ResourceId);
        await using var update = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var assignments = record.Values
            .Where(pair => !key.Contains(pair.Key, StringComparer.Ordinal) && pair.Key != "_id")
            .Select(pair => $"{FieldNames.Quote(pair.Key)} = {AddValue(update, schema.Find(pair.Key)!.Type, pair.Value)}")
            .Append("\"_full_text\" = NULL");
        var match = string.Join(" AND ", key.Select(column =>
            $"{FieldNames.Quote(column)} = {AddValue(update, TypeOf(schema, column), record.Values[column])}"));
        update.CommandText = $"UPDATE {table} SET {string.Join(", ", assignments)} WHERE {match}";
        if (await update.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            return;
        }

        if (method == WriteMethod.Update)
        {
            throw RecordKeys.NotFound(key, record);
        }

        await using var insert = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var columns = record.Values.Keys.ToList();
        var values = columns.Select(column => AddValue(insert, TypeOf(schema, column), record.Values[column]));
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(FieldNames.Quote))}) "
            + $"VALUES ({string.Join(", ", values)})";
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static FieldType TypeOf(TableSchema schema, string column) =>
        column == "_id" ? FieldType.Int4 : schema.Find(column)!.Type;

    /// <summary>
    /// Adds a value as a text parameter and returns the SQL that casts it to the column type: the value was
    /// already checked by <see cref="ValueCoercer"/>, and its canonical text keeps numerics exact.
    /// </summary>
    internal static string AddValue(NpgsqlCommand command, FieldType type, object? value)
    {
        var name = "p" + command.Parameters.Count;
        if (type.IsArray)
        {
            var items = value is object?[] array ? array.Select(ValueText.Format).ToArray() : null;
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = (object?)items ?? DBNull.Value,
            });
            return $"CAST(@{name} AS text[])::{type.BaseName}[]";
        }

        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = ValueText.Format(value) ?? (object)DBNull.Value });
        return type.IsText ? "@" + name : $"CAST(@{name} AS {type.BaseName})";
    }
}
