using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.DataStore.Schema;
using Npgsql;

namespace Ckan.DataStore.Postgres;

/// <summary>
/// The DataStore on PostgreSQL, compatible with CKAN's layout: one table per resource named by its
/// id with <c>_id</c> and <c>_full_text</c> columns, field info in column comments, aliases as views.
/// Writes go through <c>ckan.datastore.write_url</c>; searches and SQL through the read-only role of
/// <c>ckan.datastore.read_url</c>.
/// </summary>
public sealed partial class PostgresDataStore : IDataStore
{
    private const string MetadataTable = "_table_metadata";

    private readonly NpgsqlDataSource _write;
    private readonly NpgsqlDataSource _read;
    private readonly int _timeoutMilliseconds;

    // Table shapes are read from the system catalog once and dropped on every change made here.
    // NOTE: a column added by another process (a second portal, psql) is not seen until this one restarts.
    private readonly ConcurrentDictionary<string, TableSchema> _schemas = new(StringComparer.Ordinal);

    public PostgresDataStore(string writeUrl, string readUrl, int timeoutMilliseconds)
    {
        _write = BuildSource(writeUrl, timeoutMilliseconds);
        _read = BuildSource(readUrl, timeoutMilliseconds);
        _timeoutMilliseconds = timeoutMilliseconds;
    }

    public string Backend => "postgresql";

    /// <summary>The index method of <c>_full_text</c> on new tables: <c>gist</c> (default) or <c>gin</c>.</summary>
    public string FullTextIndexMethod { get; init; } = "gist";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _write.OpenConnectionAsync(cancellationToken);
        await using var check = new NpgsqlCommand(
            "SELECT to_regclass('public._table_metadata') IS NOT NULL, "
            + "EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'populate_full_text_trigger')",
            connection);
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var hasView = reader.GetBoolean(0);
        var hasFunction = reader.GetBoolean(1);
        await reader.CloseAsync();

        // set-permissions normally creates both as the write role; a database prepared by hand gets them here.
        if (!hasView)
        {
            await ExecuteAsync(connection, PostgresObjects.TableMetadataView, cancellationToken);
        }

        if (!hasFunction)
        {
            await ExecuteAsync(connection, PostgresObjects.FullTextFunction, cancellationToken);
        }
    }

    public async Task<TableSchema?> FindTableAsync(string resourceIdOrAlias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceIdOrAlias);
        if (_schemas.TryGetValue(resourceIdOrAlias, out var cached))
        {
            return cached;
        }

        await using var connection = await _read.OpenConnectionAsync(cancellationToken);
        var resourceId = await ResolveAliasAsync(connection, resourceIdOrAlias, cancellationToken);
        if (resourceId is null)
        {
            return null;
        }

        var schema = await ReadSchemaAsync(connection, resourceId, cancellationToken);
        if (schema is not null)
        {
            _schemas[resourceIdOrAlias] = schema;
        }

        return schema;
    }

    public async ValueTask DisposeAsync()
    {
        await StopFillsAsync();
        await _write.DisposeAsync();
        await _read.DisposeAsync();
    }

    private static NpgsqlDataSource BuildSource(string url, int timeoutMilliseconds)
    {
        var settings = PostgresUrl.Parse(url);

        // The server stops any statement past the limit even if this process is stuck; the client waits a little longer.
        settings.Options = $"-c statement_timeout={timeoutMilliseconds}";
        settings.CommandTimeout = timeoutMilliseconds / 1000 + 5;
        return new NpgsqlDataSourceBuilder(settings.ConnectionString).Build();
    }

    private static async Task<string?> ResolveAliasAsync(
        NpgsqlConnection connection,
        string name,
        CancellationToken cancellationToken)
    {
        if (string.Equals(name, MetadataTable, StringComparison.Ordinal))
        {
            return name;
        }

        await using var command = new NpgsqlCommand(
            "SELECT alias_of FROM \"_table_metadata\" WHERE name = @name ORDER BY alias_of NULLS FIRST LIMIT 1",
            connection);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return reader.IsDBNull(0) ? name : reader.GetString(0);
    }

    private static async Task<TableSchema?> ReadSchemaAsync(
        NpgsqlConnection connection,
        string resourceId,
        CancellationToken cancellationToken)
    {
        const string columnsSql = """
            SELECT a.attname, t.typname, col_description(c.oid, a.attnum)
            FROM pg_class c
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                JOIN pg_type t ON t.oid = a.atttypid
            WHERE c.relnamespace = 'public'::regnamespace AND c.relname = @name AND c.relkind IN ('r', 'v', 'm')
            ORDER BY a.attnum
            """;
        var fields = new List<DataStoreField>();
        var found = false;
        await using (var command = new NpgsqlCommand(columnsSql, connection))
        {
            command.Parameters.AddWithValue("name", resourceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found = true;
                var name = reader.GetString(0);
                if (name.StartsWith('_'))
                {
                    continue;
                }

                var type = FieldType.Parse(reader.GetString(1)) ?? FieldType.Text;
                fields.Add(new DataStoreField(name, type, ParseInfo(reader.IsDBNull(2) ? null : reader.GetString(2))));
            }
        }

        if (!found)
        {
            return null;
        }

        return new TableSchema
        {
            ResourceId = resourceId,
            Fields = fields,
            PrimaryKey = await ReadPrimaryKeyAsync(connection, resourceId, cancellationToken),
            Aliases = await ReadAliasesAsync(connection, resourceId, cancellationToken),
        };
    }

    private static async Task<IReadOnlyList<string>> ReadPrimaryKeyAsync(
        NpgsqlConnection connection,
        string resourceId,
        CancellationToken cancellationToken)
    {
        // CKAN keeps the primary key as a unique index; the real primary key is _id.
        const string sql = """
            SELECT a.attname
            FROM pg_index i
                JOIN pg_class c ON c.oid = i.indrelid
                JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE c.relnamespace = 'public'::regnamespace AND c.relname = @name
                AND i.indisunique AND NOT i.indisprimary
            ORDER BY i.indexrelid, k.position
            """;
        var key = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", resourceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            key.Add(reader.GetString(0));
        }

        return key;
    }

    private static async Task<IReadOnlyList<string>> ReadAliasesAsync(
        NpgsqlConnection connection,
        string resourceId,
        CancellationToken cancellationToken)
    {
        var aliases = new List<string>();
        await using var command = new NpgsqlCommand(
            "SELECT name FROM \"_table_metadata\" WHERE alias_of = @name ORDER BY name", connection);
        command.Parameters.AddWithValue("name", resourceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            aliases.Add(reader.GetString(0));
        }

        return aliases;
    }

    // CKAN writes the comment as a space and {"_info": {...}}; other comments carry no info.
    private static JsonObject? ParseInfo(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment) || !comment.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(comment)?["_info"]?.DeepClone() as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
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

        _schemas.TryRemove(MetadataTable, out _);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Turns the database's refusals of user data into CKAN's validation errors instead of a 500.
    private static ValidationException ToValidation(PostgresException error, string field) => error.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => new ValidationException(new JsonObject
        {
            ["constraints"] = new JsonArray(
                "Cannot insert records or create index because of uniqueness constraint"),
            ["info"] = new JsonObject { ["orig"] = error.MessageText, ["pgcode"] = error.SqlState },
        }),
        PostgresErrorCodes.QueryCanceled => ValidationException.ForField("query", "Query took too long"),
        _ => ValidationException.ForField(field, error.MessageText),
    };
}
