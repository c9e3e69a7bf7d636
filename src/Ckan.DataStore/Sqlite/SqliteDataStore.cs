using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ckan.DataStore.Schema;
using Microsoft.Data.Sqlite;

namespace Ckan.DataStore.Sqlite;

/// <summary>
/// The embedded DataStore: a SQLite database file of its own, one table per resource named by its id
/// with an <c>_id</c> row number, an FTS5 table <c>_fts_{id}</c> kept in step by triggers for full-text
/// search, and metadata tables for field types, info, keys and aliases. Writers are serialized by SQLite;
/// readers run beside them (WAL).
/// </summary>
public sealed partial class SqliteDataStore : IDataStore
{
    private const string MetadataTable = "_table_metadata";

    private readonly string _connectionString;
    private readonly string _readOnlyConnectionString;
    private readonly int _timeoutMilliseconds;
    private readonly ConcurrentDictionary<string, TableSchema> _schemas = new(StringComparer.Ordinal);

    public SqliteDataStore(string path, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = Math.Max(1, timeoutMilliseconds / 1000),
        }.ToString();

        // datastore_search_sql gets its own unpooled read-only connections, so its authorizer never leaks.
        _readOnlyConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        _timeoutMilliseconds = timeoutMilliseconds;
    }

    public string Backend => "sqlite";

    /// <summary>Checks statements and functions of datastore_search_sql before SQLite sees them.</summary>
    public Safety.SqlGuard? Guard { get; init; }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS "_datastore_table" (
                "name" TEXT PRIMARY KEY,
                "alias_of" TEXT,
                "primary_key" TEXT NOT NULL DEFAULT '[]');
            CREATE TABLE IF NOT EXISTS "_datastore_field" (
                "table_name" TEXT NOT NULL,
                "position" INTEGER NOT NULL,
                "name" TEXT NOT NULL,
                "type" TEXT NOT NULL,
                "info" TEXT,
                PRIMARY KEY ("table_name", "position"));
            CREATE VIEW IF NOT EXISTS "_table_metadata" AS
                SELECT rowid AS "_id", "name", rowid AS "oid", "alias_of" FROM "_datastore_table";
            """, cancellationToken);
    }

    public async Task<TableSchema?> FindTableAsync(string resourceIdOrAlias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceIdOrAlias);
        if (_schemas.TryGetValue(resourceIdOrAlias, out var cached))
        {
            return cached;
        }

        if (string.Equals(resourceIdOrAlias, MetadataTable, StringComparison.Ordinal))
        {
            return _schemas[MetadataTable] = MetadataSchema();
        }

        await using var connection = await OpenAsync(cancellationToken);
        var schema = await ReadSchemaAsync(connection, null, resourceIdOrAlias, cancellationToken);
        if (schema is not null)
        {
            _schemas[resourceIdOrAlias] = schema;
        }

        return schema;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static TableSchema MetadataSchema() => new()
    {
        ResourceId = MetadataTable,
        Fields =
        [
            new DataStoreField("name", FieldType.Text),
            new DataStoreField("oid", FieldType.Parse("int8")!),
            new DataStoreField("alias_of", FieldType.Text),
        ],
    };

    private static async Task<TableSchema?> ReadSchemaAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string name,
        CancellationToken cancellationToken)
    {
        string resourceId;
        string primaryKey;
        await using (var command = Command(connection, transaction,
            "SELECT coalesce(t.\"alias_of\", t.\"name\"), coalesce(o.\"primary_key\", t.\"primary_key\") "
            + "FROM \"_datastore_table\" t LEFT JOIN \"_datastore_table\" o ON o.\"name\" = t.\"alias_of\" "
            + "WHERE t.\"name\" = $name"))
        {
            command.Parameters.AddWithValue("$name", name);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            resourceId = reader.GetString(0);
            primaryKey = reader.GetString(1);
        }

        var fields = new List<DataStoreField>();
        await using (var command = Command(connection, transaction,
            "SELECT \"name\", \"type\", \"info\" FROM \"_datastore_field\" WHERE \"table_name\" = $name ORDER BY \"position\""))
        {
            command.Parameters.AddWithValue("$name", resourceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var info = reader.IsDBNull(2) ? null : JsonNode.Parse(reader.GetString(2)) as JsonObject;
                fields.Add(new DataStoreField(reader.GetString(0), FieldType.Parse(reader.GetString(1))!, info));
            }
        }

        var aliases = new List<string>();
        await using (var command = Command(connection, transaction,
            "SELECT \"name\" FROM \"_datastore_table\" WHERE \"alias_of\" = $name ORDER BY \"name\""))
        {
            command.Parameters.AddWithValue("$name", resourceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                aliases.Add(reader.GetString(0));
            }
        }

        return new TableSchema
        {
            ResourceId = resourceId,
            Fields = fields,
            PrimaryKey = JsonNode.Parse(primaryKey)!.AsArray().Select(item => item!.GetValue<string>()).ToList(),
            Aliases = aliases,
        };
    }

    private void Forget(string resourceId)
    {
        foreach (var (key, schema) in _schemas)
        {
            if (string.Equals(schema.ResourceId, resourceId, StringComparison.Ordinal))
            {
                _schemas.TryRemove(key, out _);
            }
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string FullTextTable(string resourceId) => FieldNames.Quote("_fts_" + resourceId);

    /// <summary>Returns the SQLite column type that stores a field type's values.</summary>
    private static string StorageType(FieldType type) => type.IsArray ? "TEXT" : type.BaseName switch
    {
        "int4" or "int8" or "bool" => "INTEGER",
        "float8" => "REAL",
        _ => "TEXT",
    };
}
