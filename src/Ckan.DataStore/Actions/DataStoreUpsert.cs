using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.DataStore.Writing;

namespace Ckan.DataStore.Actions;

/// <summary>datastore_upsert: inserts, updates or upserts records of an existing table.</summary>
public sealed class DataStoreUpsert(IDataStore store)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "resource_id", "id", "records", "method", "force", "calculate_record_count", "dry_run",
    };

    /// <summary>
    /// datastore_upsert. Parameters: <c>resource_id</c> (or alias), <c>records</c>, <c>method</c>
    /// (<c>upsert</c>, the default, <c>insert</c> or <c>update</c>; update and upsert find rows by
    /// <c>_id</c> or the primary key), <c>force</c>, <c>dry_run</c> (check without saving). Returns the input.
    /// </summary>
    public async Task<ActionResult> UpsertAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken)
    {
        DataStoreInput.RejectUnknownKeys(data, Known);
        var requested = DataStoreInput.ResourceId(data);
        var method = DataDict.GetString(data, "method") ?? "upsert";
        var writeMethod = method switch
        {
            "upsert" => WriteMethod.Upsert,
            "insert" => WriteMethod.Insert,
            "update" => WriteMethod.Update,
            _ => throw ValidationException.ForField("method", $"\"{method}\" is not a valid method"),
        };

        var schema = await store.FindTableAsync(requested, cancellationToken);
        if (schema is null || schema.ResourceId == "_table_metadata")
        {
            throw new NotFoundException($"Resource \"{requested}\" was not found.");
        }

        var resource = await DataStoreAccess.GetResourceAsync(context, schema.ResourceId, cancellationToken);
        await DataStoreAccess.CheckUpdateAsync(context, schema.ResourceId, cancellationToken);
        DataStoreInput.CheckWritable(resource, data);

        var records = RecordReader.Read(data["records"], schema.Fields, allowId: writeMethod != WriteMethod.Insert);
        await store.WriteAsync(schema, writeMethod, records, DataDict.GetBool(data, "dry_run", false), cancellationToken);

        var result = DataStoreInput.Echo(data, schema.ResourceId);
        result["method"] = method;
        return result;
    }
}
