using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Npgsql;

namespace Ckan.DataStore.Postgres;

public sealed partial class PostgresDataStore
{
    public async Task<TableSchema> CreateAsync(TableDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var table = FieldNames.Quote(definition.ResourceId);
        await using var connection = await _write.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await ReadSchemaAsync(connection, definition.ResourceId, cancellationToken);
        try
        {
            if (existing is null)
            {
                await CreateTableAsync(connection, transaction, table, definition.Fields, false, cancellationToken);
            }
            else
            {
                await AlterTableAsync(connection, transaction, table, existing, definition, cancellationToken);
            }

            await WriteCommentsAsync(connection, transaction, table, definition.Fields, cancellationToken);
            await SetKeysAsync(connection, transaction, definition, cancellationToken);
            await CreateAliasesAsync(connection, transaction, definition, cancellationToken);
            var schema = new TableSchema { ResourceId = definition.ResourceId, Fields = definition.Fields };
            await InsertAsync(connection, transaction, schema, definition.Records, cancellationToken);
        }
        catch (PostgresException error) when (IsDataError(error))
        {
            throw ToValidation(error, "records");
        }
        finally
        {
            Forget(definition.ResourceId);
        }

        await transaction.CommitAsync(cancellationToken);
        return await FindTableAsync(definition.ResourceId, cancellationToken)
            ?? throw new InvalidOperationException("The table just created is missing: " + definition.ResourceId);
    }

    public async Task<bool> DropAsync(string resourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _write.OpenConnectionAsync(cancellationToken);
        try
        {
            var exists = await ReadSchemaAsync(connection, resourceId, cancellationToken) is not null;
            if (exists)
            {
                await ExecuteAsync(connection, $"DROP TABLE {FieldNames.Quote(resourceId)} CASCADE", cancellationToken);
            }

            return exists;
        }
        finally
        {
            Forget(resourceId);
        }
    }

    private async Task CreateTableAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string table,
        IReadOnlyList<DataStoreField> fields,
        bool isBulkLoad,
        CancellationToken cancellationToken)
    {
        // A bulk load writes _id itself and adds the key, the trigger and the index after its COPY, which
        // is faster than keeping them up to date row by row.
        var key = isBulkLoad ? "" : " PRIMARY KEY";
        var columns = new StringBuilder($"\"_id\" serial{key}, \"_full_text\" tsvector");
        foreach (var field in fields)
        {
            columns.Append(", ").Append(FieldNames.Quote(field.Id)).Append(' ').Append(field.Type.Name);
        }

        await ExecuteAsync(connection, transaction, $"CREATE TABLE {table} ({columns})", cancellationToken);
        if (isBulkLoad)
        {
            return;
        }

        await ExecuteAsync(connection, transaction, PostgresObjects.FullTextTrigger(table), cancellationToken);
        await ExecuteAsync(
            connection,
            transaction,
            $"CREATE INDEX {IndexName(table, "fts")} ON {table} USING {FullTextIndexMethod} (\"_full_text\")",
            cancellationToken);
    }

    private static async Task AlterTableAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string table,
        TableSchema existing,
        TableDefinition definition,
        CancellationToken cancellationToken)
    {
        foreach (var field in definition.Fields.Where(field => existing.Find(field.Id) is null))
        {
            await ExecuteAsync(
                connection,
                transaction,
                $"ALTER TABLE {table} ADD COLUMN {FieldNames.Quote(field.Id)} {field.Type.Name}",
                cancellationToken);
        }

        if (!definition.DeleteFields)
        {
            return;
        }

        var kept = definition.Fields.Select(field => field.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var field in existing.Fields.Where(field => !kept.Contains(field.Id)))
        {
            await ExecuteAsync(
                connection, transaction, $"ALTER TABLE {table} DROP COLUMN {FieldNames.Quote(field.Id)}", cancellationToken);
        }
    }

    private static async Task WriteCommentsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string table,
        IReadOnlyList<DataStoreField> fields,
        CancellationToken cancellationToken)
    {
        foreach (var field in fields.Where(field => field.Info is not null))
        {
            // COMMENT takes no parameters, so the JSON goes in as a string literal with quotes doubled.
            var comment = " " + new JsonObject { ["_info"] = field.Info!.DeepClone() }.ToJsonString();
            await ExecuteAsync(
                connection,
                transaction,
                $"COMMENT ON COLUMN {table}.{FieldNames.Quote(field.Id)} IS {SqlLiteral(comment)}",
                cancellationToken);
        }
    }

    private static async Task SetKeysAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        TableDefinition definition,
        CancellationToken cancellationToken)
    {
        var table = FieldNames.Quote(definition.ResourceId);
        if (definition.PrimaryKey is { } key)
        {
            await DropIndexesAsync(connection, transaction, definition.ResourceId, unique: true, cancellationToken);
            if (key.Count > 0)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"CREATE UNIQUE INDEX {IndexName(table, "pk")} ON {table} ({ColumnList(key)})",
                    cancellationToken);
            }
        }

        if (definition.Indexes is not { } indexes)
        {
            return;
        }

        // Each index ends with _id, the default sort, so a filtered page reads its rows in order from the
        // index instead of fetching and sorting every match.
        await DropIndexesAsync(connection, transaction, definition.ResourceId, unique: false, cancellationToken);
        for (var index = 0; index < indexes.Count; index++)
        {
            await ExecuteAsync(
                connection,
                transaction,
                $"CREATE INDEX {IndexName(table, "idx" + index)} ON {table} ({ColumnList(indexes[index])}, \"_id\")",
                cancellationToken);
        }
    }

    // Replacing keys or indexes drops the ones made before, but never the _id key or the full-text index.
    private static async Task DropIndexesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string resourceId,
        bool unique,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT ic.relname FROM pg_index i
                JOIN pg_class c ON c.oid = i.indrelid
                JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_am am ON am.oid = ic.relam
            WHERE c.relnamespace = 'public'::regnamespace AND c.relname = @name
                AND NOT i.indisprimary AND i.indisunique = @unique AND am.amname = 'btree'
            """;
        var names = new List<string>();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.Parameters.AddWithValue("name", resourceId);
            command.Parameters.AddWithValue("unique", unique);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await ExecuteAsync(connection, transaction, "DROP INDEX " + FieldNames.Quote(name), cancellationToken);
        }
    }

    private static async Task CreateAliasesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        TableDefinition definition,
        CancellationToken cancellationToken)
    {
        foreach (var alias in definition.Aliases)
        {
            var owner = await ResolveAliasAsync(connection, alias, cancellationToken);
            if (owner is not null && !string.Equals(owner, definition.ResourceId, StringComparison.Ordinal))
            {
                throw ValidationException.ForField("alias", $"\"{alias}\" is not a valid alias name");
            }

            if (owner is null)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"CREATE VIEW {FieldNames.Quote(alias)} AS SELECT * FROM {FieldNames.Quote(definition.ResourceId)}",
                    cancellationToken);
            }
        }
    }

    // Index names are unique per schema, so they carry the table name and a random part.
    private static string IndexName(string quotedTable, string purpose)
    {
        var table = quotedTable.Trim('"').Replace("\"\"", "", StringComparison.Ordinal);
        var name = $"{table[..Math.Min(table.Length, 36)]}_{purpose}_{Guid.NewGuid().ToString("N")[..8]}";
        return FieldNames.Quote(name);
    }

    private static string ColumnList(IEnumerable<string> columns) =>
        string.Join(", ", columns.Select(FieldNames.Quote));

    private static string SqlLiteral(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw ValidationException.ForField("info", "Field info cannot contain a NUL character.");
        }

        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool IsDataError(PostgresException error) =>
        error.SqlState.StartsWith("22", StringComparison.Ordinal)
        || error.SqlState.StartsWith("23", StringComparison.Ordinal)
        || error.SqlState == PostgresErrorCodes.QueryCanceled;
}
