using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Actions;

/// <summary>datastore_delete and datastore_records_delete: remove rows, or a whole table.</summary>
public sealed class DataStoreDelete(IDataStore store)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "resource_id", "id", "filters", "force", "calculate_record_count",
    };

    /// <summary>
    /// datastore_delete. Parameters: <c>resource_id</c>, <c>filters</c> (column to value or list of values;
    /// without it the table is dropped and <c>datastore_active</c> cleared; <c>{}</c> deletes every row),
    /// <c>force</c>. Returns the input.
    /// </summary>
    public Task<ActionResult> DeleteAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken) =>
        RunAsync(context, data, requireFilters: false, cancellationToken);

    /// <summary>datastore_records_delete: as datastore_delete, but <c>filters</c> is required and the table stays.</summary>
    public Task<ActionResult> RecordsDeleteAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken) =>
        RunAsync(context, data, requireFilters: true, cancellationToken);

    private async Task<ActionResult> RunAsync(
        ActionContext context,
        JsonObject data,
        bool requireFilters,
        CancellationToken cancellationToken)
    {
        DataStoreInput.RejectUnknownKeys(data, Known);
        var requested = DataStoreInput.ResourceId(data);
        var filtersNode = data["filters"];
        if (filtersNode is not null and not JsonObject || (requireFilters && filtersNode is null))
        {
            throw ValidationException.ForField("filters", "filters must be either a dict or null.");
        }

        var schema = await store.FindTableAsync(requested, cancellationToken);
        if (schema is null || schema.ResourceId == "_table_metadata")
        {
            throw new NotFoundException($"Resource \"{requested}\" was not found.");
        }

        var resource = await DataStoreAccess.GetResourceAsync(context, schema.ResourceId, cancellationToken);
        await DataStoreAccess.CheckUpdateAsync(context, schema.ResourceId, cancellationToken);
        DataStoreInput.CheckWritable(resource, data);

        if (filtersNode is JsonObject filters)
        {
            await store.DeleteRowsAsync(schema, ReadFilters(filters, schema), cancellationToken);
        }
        else
        {
            await store.DropAsync(schema.ResourceId, cancellationToken);
            await DataStoreActiveFlag.SetAsync(context, schema.ResourceId, false, cancellationToken);
        }

        return DataStoreInput.Echo(data, schema.ResourceId);
    }

    private static IReadOnlyList<FilterClause> ReadFilters(JsonObject filters, TableSchema schema)
    {
        foreach (var (column, _) in filters.Where(pair => pair.Key != "_id" && schema.Find(pair.Key) is null))
        {
            throw ValidationException.ForField("filters", $"invalid value \"{column}\"");
        }

        var query = SearchRequestParser.Parse(new JsonObject { ["filters"] = filters.DeepClone() }, schema, null, "english");
        return query.Filters;
    }
}
