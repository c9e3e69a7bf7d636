using Ckan.Core.Errors;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Writing;

/// <summary>Checks shared by both backends' bulk loads: field names, row widths and value types.</summary>
public static class BulkLoadFields
{
    /// <summary>Checks that the field names are valid and distinct.</summary>
    /// <exception cref="ArgumentException">A name is invalid or repeated.</exception>
    public static void Check(IReadOnlyList<DataStoreField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!FieldNames.IsValidField(field.Id) || field.Id.Length > FieldNames.MaxLength)
            {
                throw new ArgumentException($"\"{field.Id}\" is not a valid field name.", nameof(fields));
            }

            if (!seen.Add(field.Id))
            {
                throw new ArgumentException($"The field \"{field.Id}\" is listed twice.", nameof(fields));
            }
        }
    }

    /// <summary>
    /// Returns the row's values typed for the fields: text is read as the field's type, typed values are
    /// checked against it.
    /// </summary>
    /// <exception cref="BulkLoadException">The row has the wrong width or a value the column cannot hold.</exception>
    public static object?[] Coerce(IReadOnlyList<DataStoreField> fields, IReadOnlyList<object?> row, long rowNumber)
    {
        CheckWidth(fields, row, rowNumber);
        var values = new object?[fields.Count];
        for (var index = 0; index < fields.Count; index++)
        {
            values[index] = CoerceValue(fields[index], row[index], rowNumber);
        }

        return values;
    }

    /// <summary>Checks that the row has one value per field.</summary>
    /// <exception cref="BulkLoadException">The row has the wrong width.</exception>
    public static void CheckWidth(IReadOnlyList<DataStoreField> fields, IReadOnlyList<object?> row, long rowNumber)
    {
        if (row.Count != fields.Count)
        {
            throw new BulkLoadException(
                rowNumber, fields[Math.Min(row.Count, fields.Count - 1)].Id, $"the row has {row.Count} values for {fields.Count} columns");
        }
    }

    /// <summary>Returns one value typed for its field, as <see cref="Coerce"/> does for a whole row.</summary>
    /// <exception cref="BulkLoadException">The column cannot hold the value.</exception>
    public static object? CoerceValue(DataStoreField field, object? value, long rowNumber)
    {
        ArgumentNullException.ThrowIfNull(field);
        try
        {
            return value switch
            {
                string text => ValueCoercer.CoerceText(text, field.Type),
                System.Text.Json.Nodes.JsonNode node => ValueCoercer.Coerce(node, field.Type),
                var typed => Check(typed, field.Type),
            };
        }
        catch (FormatException error)
        {
            throw new BulkLoadException(rowNumber, field.Id, error.Message);
        }
    }

    /// <summary>Returns the fields with the info of same-named columns of the table they replace.</summary>
    public static IReadOnlyList<DataStoreField> KeepInfo(IReadOnlyList<DataStoreField> fields, TableSchema? previous) =>
        fields.Select(field => field.Info is null && previous?.Find(field.Id)?.Info is { } info
            ? field with { Info = info }
            : field).ToList();

    private static object? Check(object? value, FieldType type)
    {
        var fits = value switch
        {
            null => true,
            int or long => type.BaseName is "int4" or "int8" or "float8" or "numeric" && !type.IsArray,
            double => type.BaseName == "float8" && !type.IsArray,
            decimal number => type.BaseName == "numeric" && !type.IsArray ? true : false,
            _ => true,
        };
        if (!fits)
        {
            throw new FormatException($"a {value!.GetType().Name} value cannot be stored in a {type.Name} column");
        }

        return value switch
        {
            decimal number => new NumericText(number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            int number when type.BaseName is "float8" => (double)number,
            long number when type.BaseName is "float8" => (double)number,
            int number when type.BaseName is "numeric" => new NumericText(number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            long number when type.BaseName is "numeric" => new NumericText(number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => value,
        };
    }
}
