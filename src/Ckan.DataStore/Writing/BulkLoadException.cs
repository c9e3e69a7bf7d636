namespace Ckan.DataStore.Writing;

/// <summary>
/// A bulk load stopped at a value its column cannot hold; the previous table is unchanged.
/// </summary>
public sealed class BulkLoadException(long row, string column, string reason)
    : Exception($"Row {row}, column \"{column}\": {reason}; the previous table was kept.")
{
    /// <summary>The 1-based row number in the stream.</summary>
    public long Row { get; } = row;
    public string Column { get; } = column;
    public string Reason { get; } = reason;
}
