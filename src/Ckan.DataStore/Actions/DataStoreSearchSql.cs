using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.DataStore.Actions;

/// <summary>
/// datastore_search_sql: one read-only SELECT over the tables the caller may read. Registered only when
/// <c>ckan.datastore.sqlsearch.enabled</c> is true, as in CKAN.
/// </summary>
public sealed class DataStoreSearchSql(IDataStore store, DataStoreOptions options)
{
    /// <summary>
    /// datastore_search_sql. Parameter: <c>sql</c>, a single SELECT statement. Returns <c>fields</c>,
    /// <c>records</c>, and <c>records_truncated</c> when more than <c>ckan.datastore.search.rows_max</c>
    /// rows matched.
    /// </summary>
    public async Task<ActionResult> SearchSqlAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken)
    {
        var sql = DataDict.GetString(data, "sql");
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw ValidationException.Missing("sql");
        }

        var result = await store.SearchSqlAsync(
            sql,
            (tables, token) => AuthorizeAsync(context, tables, token),
            options.RowsMax,
            cancellationToken);

        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("sql", sql);
            SearchResultWriter.WriteFields(writer, result.Columns);
            writer.WritePropertyName("records");
            SearchResultWriter.WriteObjects(writer, result.Columns, result.Rows);
            if (result.Truncated)
            {
                writer.WriteBoolean("records_truncated", true);
            }

            writer.WriteEndObject();
        }

        return ActionResult.FromUtf8(buffer.WrittenMemory);
    }

    // Every table the plan reads must be a DataStore resource the caller may see.
    private async Task AuthorizeAsync(ActionContext context, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            var schema = await store.FindTableAsync(table, cancellationToken);
            if (schema is null || schema.ResourceId == "_table_metadata")
            {
                throw new NotAuthorizedException("Not authorized to read resource.");
            }

            try
            {
                await DataStoreAccess.CheckReadAsync(context, schema.ResourceId, cancellationToken);
            }
            catch (NotFoundException)
            {
                throw new NotAuthorizedException("Not authorized to read resource.");
            }
        }
    }
}
