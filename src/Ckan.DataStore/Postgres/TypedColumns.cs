using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Postgres;

/// <summary>The column types a typed row writer encodes itself: the scalar types an ingest infers.</summary>
internal enum TypedColumn
{
    Int4,
    Int8,
    Numeric,
    Float8,
    Bool,
    Date,
    Timestamp,
    Text,
}

internal static class TypedColumns
{
    /// <summary>Returns the typed column for a field type, or null for arrays and the other types.</summary>
    public static TypedColumn? Find(FieldType type) => type.IsArray ? null : type.BaseName switch
    {
        "int4" => TypedColumn.Int4,
        "int8" => TypedColumn.Int8,
        "numeric" => TypedColumn.Numeric,
        "float8" => TypedColumn.Float8,
        "bool" => TypedColumn.Bool,
        "date" => TypedColumn.Date,
        "timestamp" => TypedColumn.Timestamp,
        "text" => TypedColumn.Text,
        _ => null,
    };
}
