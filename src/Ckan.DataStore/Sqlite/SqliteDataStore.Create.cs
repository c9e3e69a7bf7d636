using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Microsoft.Data.Sqlite;

namespace Ckan.DataStore.Sqlite;

public sealed partial class SqliteDataStore
{
    public async Task<TableSchema> CreateAsync(TableDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var existing = await ReadSchemaAsync(connection, transaction, definition.ResourceId, cancellationToken);
            if (existing is not null && !string.Equals(existing.ResourceId, definition.ResourceId, StringComparison.Ordinal))
            {
                throw ValidationException.ForField("resource_id", $"\"{definition.ResourceId}\" is an alias of another resource");
            }

            var table = FieldNames.Quote(definition.ResourceId);
            if (existing is null)
            {
                await CreateTableAsync(connection, transaction, table, definition.Fields, cancellationToken);
            }
            else
            {
                await AlterTableAsync(connection, transaction, table, existing, definition, cancellationToken);
            }

            var primaryKey = definition.PrimaryKey ?? existing?.PrimaryKey ?? [];
            await SaveMetadataAsync(connection, transaction, definition.ResourceId, definition.Fields, primaryKey, cancellationToken);
            await RebuildFullTextAsync(connection, transaction, definition.ResourceId, definition.Fields, cancellationToken);
            await SetKeysAsync(connection, transaction, definition, cancellationToken);
            await CreateAliasesAsync(connection, transaction, definition, cancellationToken);
            var schema = new TableSchema { ResourceId = definition.ResourceId, Fields = definition.Fields };
            await InsertAsync(connection, transaction, schema, definition.Records, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == 19)
        {
            throw UniqueViolation(error);
        }
        finally
        {
            Forget(definition.ResourceId);
        }

        return await FindTableAsync(definition.ResourceId, cancellationToken)
            ?? throw new InvalidOperationException("The table just created is missing: " + definition.ResourceId);
    }

    public async Task<bool> DropAsync(string resourceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var existing = await ReadSchemaAsync(connection, transaction, resourceId, cancellationToken);
            if (existing is null || !string.Equals(existing.ResourceId, resourceId, StringComparison.Ordinal))
            {
                return false;
            }

            await DropTableAsync(connection, transaction, existing, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            Forget(resourceId);
        }
    }

    private static async Task DropTableAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        TableSchema existing,
        CancellationToken cancellationToken)
    {
        foreach (var alias in existing.Aliases)
        {
            await ExecuteAsync(connection, transaction, $"DROP VIEW IF EXISTS {FieldNames.Quote(alias)}", cancellationToken);
        }

        var table = FieldNames.Quote(existing.ResourceId);
        await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {FullTextTable(existing.ResourceId)}", cancellationToken);
        await ExecuteAsync(connection, transaction, $"DROP TABLE {table}", cancellationToken);
        await using var command = Command(connection, transaction,
            "DELETE FROM \"_datastore_table\" WHERE \"name\" = $name OR \"alias_of\" = $name; "
            + "DELETE FROM \"_datastore_field\" WHERE \"table_name\" = $name;");
        command.Parameters.AddWithValue("$name", existing.ResourceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task CreateTableAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string table,
        IReadOnlyList<DataStoreField> fields,
        CancellationToken cancellationToken)
    {
        var columns = new StringBuilder("\"_id\" INTEGER PRIMARY KEY AUTOINCREMENT");
        foreach (var field in fields)
        {
            columns.Append(", ").Append(FieldNames.Quote(field.Id)).Append(' ').Append(StorageType(field.Type));
        }

        return ExecuteAsync(connection, transaction, $"CREATE TABLE {table} ({columns})", cancellationToken);
    }

    private static async Task AlterTableAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string table,
        TableSchema existing,
        TableDefinition definition,
        CancellationToken cancellationToken)
    {
        foreach (var field in definition.Fields.Where(field => existing.Find(field.Id) is null))
        {
            await ExecuteAsync(connection, transaction,
                $"ALTER TABLE {table} ADD COLUMN {FieldNames.Quote(field.Id)} {StorageType(field.Type)}", cancellationToken);
        }

        if (!definition.DeleteFields)
        {
            return;
        }

        var kept = definition.Fields.Select(field => field.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var field in existing.Fields.Where(field => !kept.Contains(field.Id)))
        {
            // The full-text triggers name every column, so they go before the column can.
            await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {FullTextTable(definition.ResourceId)}", cancellationToken);
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {table} DROP COLUMN {FieldNames.Quote(field.Id)}", cancellationToken);
        }
    }

    private static async Task SaveMetadataAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string resourceId,
        IReadOnlyList<DataStoreField> fields,
        IReadOnlyList<string> primaryKey,
        CancellationToken cancellationToken)
    {
        await using (var table = Command(connection, transaction,
            "INSERT INTO \"_datastore_table\" (\"name\", \"primary_key\") VALUES ($name, $key) "
            + "ON CONFLICT (\"name\") DO UPDATE SET \"primary_key\" = excluded.\"primary_key\"; "
            + "DELETE FROM \"_datastore_field\" WHERE \"table_name\" = $name;"))
        {
            table.Parameters.AddWithValue("$name", resourceId);
            table.Parameters.AddWithValue("$key", new JsonArray(primaryKey.Select(column => (JsonNode?)column).ToArray()).ToJsonString());
            await table.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var field = Command(connection, transaction,
            "INSERT INTO \"_datastore_field\" VALUES ($table, $position, $name, $type, $info)");
        var parameters = new[] { "$table", "$position", "$name", "$type", "$info" }
            .Select(name => field.Parameters.Add(name, SqliteType.Text)).ToArray();
        for (var position = 0; position < fields.Count; position++)
        {
            parameters[0].Value = resourceId;
            parameters[1].Value = position;
            parameters[2].Value = fields[position].Id;
            parameters[3].Value = fields[position].Type.Name;
            parameters[4].Value = (object?)fields[position].Info?.ToJsonString() ?? DBNull.Value;
            await field.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The FTS5 table has one column per field (c0, c1, ...) so q can search all of them or one; triggers keep
    // it in step with every write, whoever makes it. Changing the columns rebuilds it from the table.
    private static async Task RebuildFullTextAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string resourceId,
        IReadOnlyList<DataStoreField> fields,
        CancellationToken cancellationToken)
    {
        var fts = FullTextTable(resourceId);
        var table = FieldNames.Quote(resourceId);
        await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {fts}", cancellationToken);
        if (fields.Count == 0)
        {
            return;
        }

        var ftsColumns = string.Join(", ", fields.Select((_, index) => "c" + index));
        var newValues = string.Join(", ", fields.Select(field => "new." + FieldNames.Quote(field.Id)));
        var sourceColumns = string.Join(", ", fields.Select(field => FieldNames.Quote(field.Id)));
        var trigger = "_fts_trigger_" + resourceId;
        await ExecuteAsync(connection, transaction, $"""
            CREATE VIRTUAL TABLE {fts} USING fts5({ftsColumns}, tokenize = 'porter unicode61');
            INSERT INTO {fts} (rowid, {ftsColumns}) SELECT "_id", {sourceColumns} FROM {table};
            DROP TRIGGER IF EXISTS {FieldNames.Quote(trigger + "_i")};
            DROP TRIGGER IF EXISTS {FieldNames.Quote(trigger + "_u")};
            DROP TRIGGER IF EXISTS {FieldNames.Quote(trigger + "_d")};
            CREATE TRIGGER {FieldNames.Quote(trigger + "_i")} AFTER INSERT ON {table} BEGIN
                INSERT INTO {fts} (rowid, {ftsColumns}) VALUES (new."_id", {newValues});
            END;
            CREATE TRIGGER {FieldNames.Quote(trigger + "_u")} AFTER UPDATE ON {table} BEGIN
                DELETE FROM {fts} WHERE rowid = old."_id";
                INSERT INTO {fts} (rowid, {ftsColumns}) VALUES (new."_id", {newValues});
            END;
            CREATE TRIGGER {FieldNames.Quote(trigger + "_d")} AFTER DELETE ON {table} BEGIN
                DELETE FROM {fts} WHERE rowid = old."_id";
            END;
            """, cancellationToken);
    }

    private static async Task SetKeysAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        TableDefinition definition,
        CancellationToken cancellationToken)
    {
        var table = FieldNames.Quote(definition.ResourceId);
        var prefix = "_index_" + definition.ResourceId + "_";
        if (definition.PrimaryKey is { } key)
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX IF EXISTS {FieldNames.Quote(prefix + "pk")}", cancellationToken);
            if (key.Count > 0)
            {
                await ExecuteAsync(connection, transaction,
                    $"CREATE UNIQUE INDEX {FieldNames.Quote(prefix + "pk")} ON {table} ({ColumnList(key)})", cancellationToken);
            }
        }

        if (definition.Indexes is not { } indexes)
        {
            return;
        }

        var names = new List<string>();
        await using (var command = Command(connection, transaction,
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND name LIKE $prefix ESCAPE '\\'"))
        {
            command.Parameters.AddWithValue("$table", definition.ResourceId);
            command.Parameters.AddWithValue("$prefix", EscapeLike(prefix) + "idx%");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX {FieldNames.Quote(name)}", cancellationToken);
        }

        // As on PostgreSQL, each index ends with _id so filtered pages come out of it in the default order.
        for (var index = 0; index < indexes.Count; index++)
        {
            await ExecuteAsync(connection, transaction,
                $"CREATE INDEX {FieldNames.Quote(prefix + "idx" + index)} ON {table} ({ColumnList(indexes[index])}, \"_id\")",
                cancellationToken);
        }
    }

    private static async Task CreateAliasesAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        TableDefinition definition,
        CancellationToken cancellationToken)
    {
        foreach (var alias in definition.Aliases)
        {
            var owner = await ReadSchemaAsync(connection, transaction, alias, cancellationToken);
            if (owner is not null && !string.Equals(owner.ResourceId, definition.ResourceId, StringComparison.Ordinal)
                || string.Equals(alias, definition.ResourceId, StringComparison.Ordinal))
            {
                throw ValidationException.ForField("alias", $"\"{alias}\" is not a valid alias name");
            }

            if (owner is not null)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction,
                $"CREATE VIEW {FieldNames.Quote(alias)} AS SELECT * FROM {FieldNames.Quote(definition.ResourceId)}", cancellationToken);
            await using var command = Command(connection, transaction,
                "INSERT INTO \"_datastore_table\" (\"name\", \"alias_of\") VALUES ($alias, $table)");
            command.Parameters.AddWithValue("$alias", alias);
            command.Parameters.AddWithValue("$table", definition.ResourceId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(FieldNames.Quote));

    private static string EscapeLike(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);

    private static ValidationException UniqueViolation(SqliteException error) => new(new JsonObject
    {
        ["constraints"] = new JsonArray("Cannot insert records or create index because of uniqueness constraint"),
        ["info"] = new JsonObject { ["orig"] = error.Message, ["pgcode"] = "23505" },
    });
}
