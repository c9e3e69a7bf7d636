using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Actions;

/// <summary>
/// Reads datastore_create's <c>fields</c> with CKAN's rules: valid and distinct names, known types,
/// guessed types for fields without one (from the first record), and the first record's other keys
/// added as new fields. Existing columns keep their type; their info is replaced when given.
/// </summary>
public static class FieldListReader
{
    /// <summary>
    /// Returns the table's full field list (existing first) and the fields as the result echoes them.
    /// </summary>
    public static (IReadOnlyList<DataStoreField> Fields, JsonArray Echo) Read(
        JsonNode? node,
        JsonNode? records,
        TableSchema? existing)
    {
        var given = node switch
        {
            null => [],
            JsonArray list => list.ToList(),
            _ => throw ValidationException.ForField("fields", "Not a list"),
        };
        var first = records is JsonArray { Count: > 0 } rows ? rows[0] as JsonObject : null;
        var echo = new JsonArray();
        var added = new List<DataStoreField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in given)
        {
            var field = ReadOne(item, first, existing, echo);
            if (!names.Add(field.Id))
            {
                throw ValidationException.ForField("field", "Duplicate column names are not supported");
            }

            added.Add(field);
        }

        if (first is not null && existing is null)
        {
            foreach (var (key, value) in first.Where(pair => !names.Contains(pair.Key)))
            {
                CheckName(key);
                var guessed = TypeGuesser.Guess(value);
                added.Add(new DataStoreField(key, FieldType.Parse(guessed)!));
                names.Add(key);
                echo.Add(new JsonObject { ["id"] = key, ["type"] = guessed });
            }
        }

        return (Merge(existing, added), echo);
    }

    private static DataStoreField ReadOne(JsonNode? item, JsonObject? first, TableSchema? existing, JsonArray echo)
    {
        if (item is not JsonObject field)
        {
            throw ValidationException.ForField("fields", "Not a json object");
        }

        var id = DataDict.GetString(field, "id");
        CheckName(id);
        var info = field["info"] as JsonObject;
        if (field["info"] is not null && info is null)
        {
            throw ValidationException.ForField("fields", $"\"{id}\" info must be a json object");
        }

        var typeName = DataDict.GetString(field, "type");
        if (string.IsNullOrEmpty(typeName))
        {
            if (existing?.Find(id!) is { } known)
            {
                typeName = known.Type.Name;
            }
            else if (first is not null && first.ContainsKey(id!))
            {
                typeName = TypeGuesser.Guess(first[id!]);
            }
            else
            {
                throw ValidationException.ForField("fields", $"\"{id}\" type not guessable");
            }
        }

        var type = FieldType.Parse(typeName)
            ?? throw ValidationException.ForField("fields", $"\"{typeName}\" is not a valid field type");
        var copy = field.DeepClone().AsObject();
        copy["type"] = typeName;
        echo.Add(copy);
        return new DataStoreField(id!, type, info?.DeepClone().AsObject());
    }

    private static void CheckName(string? id)
    {
        if (id is not null && id.Length > FieldNames.MaxLength)
        {
            throw ValidationException.ForField("fields", $"Column heading \"{id}\" exceeds limit of {FieldNames.MaxLength} characters.");
        }

        if (!FieldNames.IsValidField(id))
        {
            throw ValidationException.ForField("fields", $"\"{id}\" is not a valid field name");
        }
    }

    private static IReadOnlyList<DataStoreField> Merge(TableSchema? existing, List<DataStoreField> added)
    {
        if (existing is null)
        {
            return added;
        }

        var merged = existing.Fields
            .Select(field => added.FirstOrDefault(candidate => candidate.Id == field.Id) is { Info: { } info }
                ? field with { Info = info }
                : field)
            .ToList();
        merged.AddRange(added.Where(field => existing.Find(field.Id) is null));
        return merged;
    }
}
