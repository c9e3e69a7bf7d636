namespace Ckan.DataStore.Querying;

/// <summary>
/// One page of search results. Row values follow <see cref="OutputColumn.Kind"/>: <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, or <see cref="string"/> (text, numeric digits, JSON text).
/// </summary>
public sealed record SearchPage(
    IReadOnlyList<OutputColumn> Columns,
    IReadOnlyList<object?[]> Rows,
    long? Total,
    bool TotalWasEstimated);
