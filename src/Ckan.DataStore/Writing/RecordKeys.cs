using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Writing;

/// <summary>How update and upsert find the row a record replaces, with CKAN's messages.</summary>
public static class RecordKeys
{
    /// <summary>
    /// Returns the columns that identify the record's row: <c>_id</c> when given, else the primary key.
    /// </summary>
    /// <exception cref="ValidationException">The table has no key, or the record lacks part of it.</exception>
    public static IReadOnlyList<string> KeyColumns(TableSchema schema, RecordValues record)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Values.ContainsKey("_id"))
        {
            return ["_id"];
        }

        if (schema.PrimaryKey.Count == 0)
        {
            throw ValidationException.ForField("table", "unique key must be passed for update/upsert");
        }

        var missing = schema.PrimaryKey.Where(column => !record.Values.ContainsKey(column)).ToList();
        if (missing.Count > 0)
        {
            throw ValidationException.ForField(
                "key", $"fields \"{string.Join(", ", missing)}\" are missing but needed as key");
        }

        return schema.PrimaryKey;
    }

    /// <summary>Returns the error for an update whose key matches no row.</summary>
    public static ValidationException NotFound(IReadOnlyList<string> key, RecordValues record)
    {
        var values = new JsonArray(key.Select(column => (JsonNode?)JsonValue.Create(ValueText.Format(record.Values[column]))).ToArray());
        return ValidationException.ForField("key", $"key \"{values.ToJsonString()}\" not found");
    }
}
