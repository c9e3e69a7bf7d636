using System.Text.Json.Nodes;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Sqlite;

/// <summary>
/// Maps coerced values to what SQLite stores: integers, reals, 0/1 for booleans, canonical text for
/// numerics, dates and times (so text order is value order), JSON text for json and arrays.
/// </summary>
internal static class SqliteValues
{
    public static object ToStorage(FieldType type, object? value)
    {
        if (value is null)
        {
            return DBNull.Value;
        }

        if (type.IsArray)
        {
            var items = ((object?[])value).Select(item => ToJson(type.Element, item)).ToArray();
            return new JsonArray(items).ToJsonString();
        }

        return value switch
        {
            int number => (long)number,
            long number => number,
            double number when double.IsNaN(number) => NaNText,
            double number => number,
            bool flag => flag ? 1L : 0L,
            _ => ValueText.Format(value)!,
        };
    }

    /// <summary>
    /// The text stored for a float8 NaN, which SQLite cannot keep as a real. In SQLite's order, text sorts after
    /// every number, as NaN sorts after every number in PostgreSQL.
    /// </summary>
    public const string NaNText = "NaN";

    /// <summary>Reads a float8 cell, turning the stored <see cref="NaNText"/> back into NaN.</summary>
    public static double ReadDouble(System.Data.Common.DbDataReader reader, int index) =>
        reader.GetFieldType(index) == typeof(string) ? double.NaN : reader.GetDouble(index);

    private static JsonNode? ToJson(FieldType type, object? value) => value switch
    {
        null => null,
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),

        // NOTE: JSON has no NaN, so a float8 array holding NaN still fails to store.
        double number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        NumericText numeric => JsonNode.Parse(numeric.Value),
        JsonText json => JsonNode.Parse(json.Value),
        _ => JsonValue.Create(ValueText.Format(value)),
    };
}
