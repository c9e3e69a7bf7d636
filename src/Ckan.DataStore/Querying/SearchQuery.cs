using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Querying;

/// <summary>
/// A validated datastore_search request, independent of the backend: every column named here exists
/// in <see cref="Schema"/>, and every filter value is already coerced to its column's type.
/// </summary>
public sealed record SearchQuery
{
    public required TableSchema Schema { get; init; }
    public IReadOnlyList<FilterClause> Filters { get; init; } = [];
    public IReadOnlyList<TextQuery> TextQueries { get; init; } = [];

    /// <summary>The user columns to return, in order; <c>_id</c> is included when listed or when empty.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Whether <see cref="Fields"/> was given, so <c>_id</c> appears only when named.</summary>
    public bool HasFieldList { get; init; }
    public IReadOnlyList<SortClause> Sort { get; init; } = [];
    public bool Distinct { get; init; }

    /// <summary>Maximum rows to return; null means no limit (dumps).</summary>
    public int? Limit { get; init; }
    public int Offset { get; init; }
    public bool IncludeTotal { get; init; } = true;
    public int? TotalEstimationThreshold { get; init; }

    /// <summary>The output columns: <c>_id</c> when selected, the fields, then one rank per text query.</summary>
    public IReadOnlyList<OutputColumn> Columns => SearchColumns.For(this);
}

/// <summary>A filter on one column: equal to the value, or to any of the values of a list.</summary>
public sealed record FilterClause(string Column, FieldType Type, IReadOnlyList<object?> Values, bool IsList);

/// <summary>
/// A full-text query over all columns (<see cref="Field"/> null) or one column, in plain words
/// (<see cref="Plain"/>) or PostgreSQL's tsquery syntax.
/// </summary>
public sealed record TextQuery(string? Field, string Text, bool Plain, string Language)
{
    /// <summary>The name of the rank column it adds: <c>rank</c> or <c>rank {field}</c>, as CKAN names them.</summary>
    public string RankName => Field is null ? "rank" : "rank " + Field;
}

/// <summary>One ORDER BY term on a column or a rank.</summary>
public sealed record SortClause(string Column, bool Descending, bool? NullsFirst);

/// <summary>A column of a search result: its name, reported type, JSON output and data dictionary.</summary>
public sealed record OutputColumn(string Id, string TypeName, OutputKind Kind, System.Text.Json.Nodes.JsonObject? Info)
{
    /// <summary>The rank column of a text query (<c>_id</c> and user fields come from the schema).</summary>
    public bool IsRank { get; init; }
}
