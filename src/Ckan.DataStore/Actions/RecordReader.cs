using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;

namespace Ckan.DataStore.Actions;

/// <summary>
/// Reads the <c>records</c> of datastore_create and datastore_upsert: every record must be an object
/// whose keys are columns of the table, and every value must read as its column's type. Problems are
/// CKAN validation errors naming the row (1-based) and the field.
/// </summary>
public static class RecordReader
{
    /// <summary>Returns the records coerced to the table's types.</summary>
    public static IReadOnlyList<RecordValues> Read(JsonNode? records, IReadOnlyList<DataStoreField> fields, bool allowId)
    {
        if (records is null)
        {
            return [];
        }

        if (records is not JsonArray list)
        {
            throw ValidationException.ForField("records", "Not a list");
        }

        var byName = fields.ToDictionary(field => field.Id, StringComparer.Ordinal);
        var result = new List<RecordValues>(list.Count);
        for (var index = 0; index < list.Count; index++)
        {
            var row = index + 1;
            if (list[index] is not JsonObject record)
            {
                throw ValidationException.ForField("records", $"row \"{row}\" is not a json object");
            }

            var extra = record.Select(pair => pair.Key)
                .Where(key => !byName.ContainsKey(key) && !(allowId && key == "_id"))
                .ToList();
            if (extra.Count > 0)
            {
                throw allowId
                    ? ValidationException.ForField("fields", $"fields \"{string.Join(", ", extra)}\" do not exist")
                    : ValidationException.ForField("records", $"row \"{row}\" has extra keys \"{string.Join(", ", extra)}\"");
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in record)
            {
                var type = key == "_id" ? FieldType.Int4 : byName[key].Type;
                try
                {
                    values[key] = ValueCoercer.Coerce(value, type);
                }
                catch (FormatException error)
                {
                    throw new ValidationException(new JsonObject
                    {
                        ["records"] = new JsonArray($"row {row}, field \"{key}\": {error.Message}"),
                        ["records_row"] = row,
                    });
                }
            }

            result.Add(new RecordValues(row, values));
        }

        return result;
    }
}
