using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Actions;

/// <summary>datastore_search: reads a resource's table with filters, full-text search, sorting and paging.</summary>
public sealed class DataStoreSearch(IDataStore store, DataStoreOptions options)
{
    private static readonly HashSet<string> Formats = new(StringComparer.Ordinal) { "objects", "lists", "csv", "tsv" };

    /// <summary>
    /// datastore_search. Parameters: <c>resource_id</c> (id, alias or <c>_table_metadata</c>),
    /// <c>filters</c>, <c>q</c> (text, or an object of column to text), <c>full_text</c>, <c>plain</c>,
    /// <c>language</c>, <c>distinct</c>, <c>fields</c>, <c>sort</c>, <c>limit</c> (100 by default),
    /// <c>offset</c>, <c>include_total</c>, <c>total_estimation_threshold</c>, <c>records_format</c>
    /// (objects, lists, csv or tsv). Returns the echoed parameters with fields, records, _links and total.
    /// </summary>
    public async Task<ActionResult> SearchAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken)
    {
        var requested = DataStoreInput.ResourceId(data);
        var schema = await FindReadableAsync(store, context, requested, cancellationToken);
        var format = DataDict.GetString(data, "records_format") ?? "objects";
        if (!Formats.Contains(format))
        {
            throw ValidationException.ForField("records_format", $"Value must be one of {string.Join(", ", Formats)}");
        }

        var limit = SearchRequestParser.ReadLimit(data, options.RowsDefault, options.RowsMax);
        var query = SearchRequestParser.Parse(data, schema, limit, options.DefaultLanguage);
        var page = await store.SearchAsync(query, cancellationToken);

        var echo = DataStoreInput.Echo(data, requested);
        echo.Remove("fields");
        echo["filters"] ??= new JsonObject();
        echo["include_total"] = query.IncludeTotal;
        echo["limit"] = limit;
        echo["records_format"] = format;
        return SearchResultWriter.Write(echo, page, format, limit, query.Offset, context.RequestUrl);
    }

    /// <summary>
    /// datastore_info. Parameter: <c>id</c> or <c>resource_id</c> (alias allowed). Returns <c>meta</c> (row
    /// count, table type, sizes, aliases) and <c>fields</c> with their storage details under <c>schema</c>.
    /// </summary>
    public async Task<ActionResult> InfoAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken)
    {
        var requested = DataStoreInput.ResourceId(data);
        var schema = await store.FindTableAsync(requested, cancellationToken);
        if (schema is null || schema.ResourceId == "_table_metadata")
        {
            throw new NotFoundException($"Resource/Alias \"{requested}\" was not found.");
        }

        await DataStoreAccess.CheckReadAsync(context, schema.ResourceId, cancellationToken);
        var info = await store.InfoAsync(schema, cancellationToken);
        var fields = new JsonArray();
        foreach (var field in schema.Fields)
        {
            var details = info.Columns.FirstOrDefault(column => column.Id == field.Id);
            var entry = new JsonObject { ["id"] = field.Id, ["type"] = field.Type.Name };
            if (field.Info is not null)
            {
                entry["info"] = field.Info.DeepClone();
            }

            entry["schema"] = new JsonObject
            {
                ["native_type"] = details?.NativeType ?? field.Type.Name,
                ["index_name"] = details?.IndexName,
                ["is_index"] = details?.IsIndex ?? false,
                ["notnull"] = details?.NotNull ?? false,
                ["uniquekey"] = details?.UniqueKey ?? false,
            };
            fields.Add(entry);
        }

        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["id"] = schema.ResourceId,
                ["count"] = info.Count,
                ["table_type"] = info.TableType,
                ["size"] = info.Size,
                ["db_size"] = info.DatabaseSize,
                ["idx_size"] = info.IndexSize,
                ["aliases"] = new JsonArray(schema.Aliases.Select(alias => (JsonNode?)alias).ToArray()),
            },
            ["fields"] = fields,
        };
    }

    /// <summary>
    /// Returns the table of a resource id or alias after checking the caller may read its dataset;
    /// <c>_table_metadata</c> needs no check, as in CKAN.
    /// </summary>
    public static async Task<TableSchema> FindReadableAsync(
        IDataStore store,
        ActionContext context,
        string requested,
        CancellationToken cancellationToken)
    {
        var schema = await store.FindTableAsync(requested, cancellationToken)
            ?? throw new NotFoundException($"Resource \"{requested}\" was not found.");
        if (schema.ResourceId != "_table_metadata")
        {
            await DataStoreAccess.CheckReadAsync(context, schema.ResourceId, cancellationToken);
        }

        return schema;
    }
}
