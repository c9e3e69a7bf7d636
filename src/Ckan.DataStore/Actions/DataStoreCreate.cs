using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;

namespace Ckan.DataStore.Actions;

/// <summary>datastore_create: makes or extends a resource's table and inserts records.</summary>
public sealed class DataStoreCreate(IDataStore store)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "resource_id", "id", "resource", "force", "aliases", "fields", "records", "primary_key", "indexes",
        "triggers", "calculate_record_count", "delete_fields", "method",
    };

    /// <summary>
    /// datastore_create. Parameters: <c>resource_id</c> (an existing resource) or <c>resource</c> (a
    /// resource dictionary to create, with <c>package_id</c>); <c>fields</c> (list of
    /// <c>{id, type, info}</c>); <c>records</c> (list of objects); <c>primary_key</c> and <c>aliases</c>
    /// (list or comma-separated string); <c>indexes</c>; <c>force</c> (edit a resource whose data comes
    /// from a file); <c>delete_fields</c> (drop columns not listed). Returns the input with resolved types.
    /// </summary>
    public async Task<ActionResult> CreateAsync(ActionContext context, JsonObject data, CancellationToken cancellationToken)
    {
        DataStoreInput.RejectUnknownKeys(data, Known);
        if (data["triggers"] is JsonArray { Count: > 0 })
        {
            throw ValidationException.ForField("triggers", "Triggers are not supported by this DataStore.");
        }

        var resourceId = await ResolveResourceAsync(context, data, cancellationToken);
        if (resourceId is null)
        {
            throw ValidationException.ForField("resource", "The datapusher has to be enabled.");
        }

        var resource = await DataStoreAccess.GetResourceAsync(context, resourceId, cancellationToken);
        await DataStoreAccess.CheckUpdateAsync(context, resourceId, cancellationToken);
        if (!data.ContainsKey("resource"))
        {
            DataStoreInput.CheckWritable(resource, data);
        }

        var existing = await store.FindTableAsync(resourceId, cancellationToken);
        if (existing is not null && existing.ResourceId != resourceId)
        {
            existing = null;
        }

        var definition = BuildDefinition(data, resourceId, existing, out var echoFields);
        await store.CreateAsync(definition, cancellationToken);
        await DataStoreActiveFlag.SetAsync(context, resourceId, true, cancellationToken);

        var result = DataStoreInput.Echo(data, resourceId);
        result.Remove("records");
        result.Remove("resource");
        result["fields"] = echoFields;
        result["method"] = "insert";
        return result;
    }

    private static async Task<string?> ResolveResourceAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var hasId = !string.IsNullOrEmpty(DataDict.GetString(data, "resource_id")) || !string.IsNullOrEmpty(DataDict.GetString(data, "id"));
        var resource = data["resource"];
        if (hasId && resource is not null)
        {
            throw ValidationException.ForField("resource", "resource cannot be used with resource_id");
        }

        if (!hasId && resource is null)
        {
            throw ValidationException.ForField("resource_id", "resource_id or resource required");
        }

        if (hasId)
        {
            return DataStoreInput.ResourceId(data);
        }

        if (resource is not JsonObject dictionary)
        {
            throw ValidationException.ForField("resource", "Not a json object");
        }

        // A resource with a url gets its table from the DataPusher, as in CKAN; without one it is datastore-only.
        if (dictionary.ContainsKey("url"))
        {
            return null;
        }

        var request = dictionary.DeepClone().AsObject();
        request["url"] = "_datastore_only_resource";
        request["url_type"] = "datastore";
        var created = await context.Services.Actions.Find("resource_create")!.Handler(context, request, cancellationToken);
        var node = created.ToNode();
        return node!["id"]!.GetValue<string>();
    }

    private static TableDefinition BuildDefinition(
        JsonObject data,
        string resourceId,
        TableSchema? existing,
        out JsonArray echoFields)
    {
        var (fields, echo) = FieldListReader.Read(data["fields"], data["records"], existing);
        echoFields = echo;
        var deleteFields = DataDict.GetBool(data, "delete_fields", false);
        if (deleteFields && existing is not null)
        {
            var listed = echo.Select(field => field!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            fields = fields.Where(field => listed.Contains(field.Id)).ToList();
        }

        var names = fields.Select(field => field.Id).ToHashSet(StringComparer.Ordinal);
        var primaryKey = ReadColumns(data, "primary_key", names);
        var indexes = data["indexes"] is null
            ? null
            : (IReadOnlyList<IReadOnlyList<string>>?)(InputLists.Read(data["indexes"]) ?? throw ValidationException.ForField("indexes", "Not a list"))
                .Select(index => CheckColumns([index], names))
                .ToList();
        var aliases = InputLists.Read(data["aliases"]) ?? throw ValidationException.ForField("aliases", "Not a list");
        foreach (var alias in aliases.Where(alias => !FieldNames.IsValidAlias(alias)))
        {
            throw ValidationException.ForField("alias", $"\"{alias}\" is not a valid alias name");
        }

        return new TableDefinition
        {
            ResourceId = resourceId,
            Fields = fields,
            PrimaryKey = primaryKey,
            Indexes = indexes,
            Aliases = aliases,
            Records = RecordReader.Read(data["records"], fields, allowId: false),
            DeleteFields = deleteFields,
        };
    }

    private static IReadOnlyList<string>? ReadColumns(JsonObject data, string key, IReadOnlySet<string> names)
    {
        if (data[key] is null)
        {
            return null;
        }

        var columns = InputLists.Read(data[key]) ?? throw ValidationException.ForField(key, "Not a list");
        return CheckColumns(columns, names);
    }

    private static IReadOnlyList<string> CheckColumns(IReadOnlyList<string> columns, IReadOnlySet<string> names)
    {
        foreach (var column in columns.Where(column => !names.Contains(column)))
        {
            throw ValidationException.ForField("index", $"The field \"{column}\" is not a valid column name.");
        }

        return columns;
    }
}
