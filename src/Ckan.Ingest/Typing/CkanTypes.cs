namespace Ckan.Ingest.Typing;

/// <summary>The CKAN DataStore type names that ingest assigns to columns.</summary>
public static class CkanTypes
{
    public const string Text = "text";
    public const string Int4 = "int4";
    public const string Int8 = "int8";
    public const string Numeric = "numeric";
    public const string Float8 = "float8";
    public const string Bool = "bool";
    public const string Date = "date";
    public const string Timestamp = "timestamp";
}
