using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;

namespace Ckan.DataStore.Sqlite;

public sealed partial class SqliteDataStore
{
    public async Task<TableInfo> InfoAsync(TableSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            SELECT (SELECT count(*) FROM {FieldNames.Quote(schema.ResourceId)}),
                (SELECT type FROM sqlite_master WHERE name = $name),
                (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size())
            """);
        command.Parameters.AddWithValue("$name", schema.ResourceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt64(0);
        var tableType = reader.IsDBNull(1) || reader.GetString(1) == "table" ? "BASE TABLE" : "VIEW";
        var databaseSize = reader.GetInt64(2);
        var key = schema.PrimaryKey.ToHashSet(StringComparer.Ordinal);

        // Known limitation: the embedded store does not measure a single table's size; it reports 0.
        var columns = schema.Fields
            .Select(field => new ColumnDetails(
                field.Id, StorageType(field.Type).ToLowerInvariant(), key.Contains(field.Id) ? "pk" : null,
                key.Contains(field.Id), false, key.Contains(field.Id)))
            .ToList();
        return new TableInfo(count, tableType, 0, databaseSize, 0, columns);
    }
}
