namespace Ckan.Ingest.Typing;

/// <summary>What a cell's text is as a number, from narrowest to widest column type.</summary>
internal enum NumberKind
{
    /// <summary>Not a number, or a number that no numeric column type can hold exactly.</summary>
    None,

    /// <summary>An integer from -2^31 to 2^31-1.</summary>
    Int4,

    /// <summary>An integer from -2^63 to 2^63-1.</summary>
    Int8,

    /// <summary>A decimal or larger integer that <see cref="decimal"/> holds exactly (28 to 29 digits).</summary>
    Numeric,

    /// <summary>NaN or an infinity, which only float8 holds.</summary>
    Special,
}
