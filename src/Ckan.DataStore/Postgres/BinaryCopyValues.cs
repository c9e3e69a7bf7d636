using System.Globalization;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using NpgsqlTypes;

namespace Ckan.DataStore.Postgres;

/// <summary>Maps coerced values to what Npgsql's binary COPY writes for each column type.</summary>
internal static class BinaryCopyValues
{
    public static NpgsqlDbType DbType(FieldType type)
    {
        var element = type.BaseName switch
        {
            "int4" => NpgsqlDbType.Integer,
            "int8" => NpgsqlDbType.Bigint,
            "float8" => NpgsqlDbType.Double,
            "numeric" => NpgsqlDbType.Numeric,
            "bool" => NpgsqlDbType.Boolean,
            "date" => NpgsqlDbType.Date,
            "time" => NpgsqlDbType.Time,
            "timestamp" => NpgsqlDbType.Timestamp,
            "json" => NpgsqlDbType.Json,
            _ => NpgsqlDbType.Text,
        };
        return type.IsArray ? NpgsqlDbType.Array | element : element;
    }

    /// <summary>
    /// Returns whether a row value is already the CLR type that binary COPY writes for the column, as the
    /// ingester's typed values are, so it needs no coercion.
    /// </summary>
    public static bool IsWritable(FieldType type, object? value) => !type.IsArray && value switch
    {
        null => true,
        string => type.BaseName == "text",
        int => type.BaseName == "int4",
        long => type.BaseName == "int8",
        double => type.BaseName == "float8",
        decimal => type.BaseName == "numeric",
        bool => type.BaseName == "bool",
        DateOnly => type.BaseName == "date",
        DateTime moment => type.BaseName == "timestamp" && moment.Kind != DateTimeKind.Utc,
        _ => false,
    };

    public static object? ToClr(FieldType type, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!type.IsArray)
        {
            return Scalar(type, value);
        }

        var items = (object?[])value;
        return type.BaseName switch
        {
            "int4" => items.Select(item => (int?)Scalar(type.Element, item)).ToArray(),
            "int8" => items.Select(item => (long?)Scalar(type.Element, item)).ToArray(),
            "float8" => items.Select(item => (double?)Scalar(type.Element, item)).ToArray(),
            "numeric" => items.Select(item => (decimal?)Scalar(type.Element, item)).ToArray(),
            "bool" => items.Select(item => (bool?)Scalar(type.Element, item)).ToArray(),
            "date" => items.Select(item => (DateOnly?)Scalar(type.Element, item)).ToArray(),
            "time" => items.Select(item => (TimeOnly?)Scalar(type.Element, item)).ToArray(),
            "timestamp" => items.Select(item => (DateTime?)Scalar(type.Element, item)).ToArray(),
            _ => items.Select(item => (string?)Scalar(type.Element, item)).ToArray(),
        };
    }

    private static object? Scalar(FieldType type, object? value) => value switch
    {
        null => null,
        NumericText numeric => decimal.Parse(numeric.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonText json => json.Value,
        int number when type.BaseName == "int8" => (long)number,
        long number when type.BaseName == "int4" => checked((int)number),
        _ => value,
    };
}
