namespace Ckan.DataStore.Schema;

/// <summary>How a column's values are written to JSON.</summary>
public enum OutputKind
{
    Integer,
    Float,

    /// <summary>An exact decimal kept as its text and written as a JSON number without rounding.</summary>
    Numeric,
    Boolean,
    Text,

    /// <summary>JSON text (json columns and arrays) written as it is.</summary>
    Json,
}

/// <summary>
/// A DataStore column type by its PostgreSQL type name (<c>int4</c>, <c>_text</c>), as CKAN reports
/// them. Immutable; compare by <see cref="Name"/>.
/// </summary>
public sealed record FieldType
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = "text",
        ["int"] = "int4",
        ["int4"] = "int4",
        ["integer"] = "int4",
        ["int8"] = "int8",
        ["bigint"] = "int8",
        ["float8"] = "float8",
        ["float"] = "float8",
        ["double precision"] = "float8",
        ["numeric"] = "numeric",
        ["bool"] = "bool",
        ["boolean"] = "bool",
        ["date"] = "date",
        ["time"] = "time",
        ["timestamp"] = "timestamp",
        ["timestamp without time zone"] = "timestamp",
        ["json"] = "json",
        ["nested"] = "json",
    };

    private FieldType(string baseName, bool isArray)
    {
        BaseName = baseName;
        IsArray = isArray;
    }

    /// <summary>The type every record gets as <c>_id</c>.</summary>
    public static FieldType Int4 { get; } = new("int4", false);
    public static FieldType Text { get; } = new("text", false);
    public static FieldType Float8 { get; } = new("float8", false);

    /// <summary>The element type name (<c>int4</c> for <c>_int4</c>).</summary>
    public string BaseName { get; }

    /// <summary>Whether the column contains an array of <see cref="BaseName"/>.</summary>
    public bool IsArray { get; }

    /// <summary>The name CKAN reports, with a leading underscore for arrays.</summary>
    public string Name => IsArray ? "_" + BaseName : BaseName;

    /// <summary>Whether values are compared as text (filters turn numbers into strings here).</summary>
    public bool IsText => !IsArray && BaseName == "text";

    /// <summary>How values of this type are written to JSON.</summary>
    public OutputKind Output => IsArray ? OutputKind.Json : BaseName switch
    {
        "int4" or "int8" => OutputKind.Integer,
        "float8" => OutputKind.Float,
        "numeric" => OutputKind.Numeric,
        "bool" => OutputKind.Boolean,
        "json" => OutputKind.Json,
        _ => OutputKind.Text,
    };

    /// <summary>The element type of an array type.</summary>
    public FieldType Element => new(BaseName, false);

    /// <summary>
    /// Returns the type for a name given by a user or read from a database (<c>int</c>, <c>_text</c>,
    /// <c>text[]</c>), or null when the DataStore does not support it.
    /// </summary>
    public static FieldType? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        var isArray = false;
        if (trimmed.StartsWith('_'))
        {
            isArray = true;
            trimmed = trimmed[1..];
        }
        else if (trimmed.EndsWith("[]", StringComparison.Ordinal))
        {
            isArray = true;
            trimmed = trimmed[..^2].TrimEnd();
        }

        return Synonyms.TryGetValue(trimmed, out var canonical) ? new FieldType(canonical, isArray) : null;
    }

    public override string ToString() => Name;
}
