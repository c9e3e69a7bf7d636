using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Npgsql;

namespace Ckan.DataStore.Postgres;

public sealed partial class PostgresDataStore
{
    public async Task<TableInfo> InfoAsync(TableSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        const string sql = """
            SELECT
                (SELECT count(*) FROM {0}),
                CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'BASE TABLE' END,
                pg_table_size(c.oid), pg_database_size(current_database()), pg_indexes_size(c.oid)
            FROM pg_class c WHERE c.oid = to_regclass(@quoted)
            """;
        await using var connection = await _read.OpenConnectionAsync(cancellationToken);
        var quoted = FieldNames.Quote(schema.ResourceId);
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, quoted), connection);
        command.Parameters.AddWithValue("quoted", quoted);
        long count;
        string tableType;
        long size, databaseSize, indexSize;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            count = reader.GetInt64(0);
            tableType = reader.GetString(1);
            size = reader.GetInt64(2);
            databaseSize = reader.GetInt64(3);
            indexSize = reader.GetInt64(4);
        }

        var columns = await ReadColumnDetailsAsync(connection, schema, cancellationToken);
        return new TableInfo(count, tableType, size, databaseSize, indexSize, columns);
    }

    private static async Task<IReadOnlyList<ColumnDetails>> ReadColumnDetailsAsync(
        NpgsqlConnection connection,
        TableSchema schema,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                    WHERE i.indrelid = c.oid AND a.attnum = ANY(i.indkey) ORDER BY i.indisunique DESC LIMIT 1),
                EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique
                    AND NOT i.indisprimary AND a.attnum = ANY(i.indkey))
            FROM pg_class c
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.oid = to_regclass(@quoted)
            ORDER BY a.attnum
            """;
        var details = new List<ColumnDetails>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("quoted", FieldNames.Quote(schema.ResourceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (schema.Find(name) is null)
            {
                continue;
            }

            var indexName = reader.IsDBNull(3) ? null : reader.GetString(3);
            details.Add(new ColumnDetails(
                name, reader.GetString(1), indexName, indexName is not null, reader.GetBoolean(2), reader.GetBoolean(4)));
        }

        return details;
    }
}
