namespace Ckan.DataStore.Writing;

/// <summary>What datastore_info reports about a table besides its fields.</summary>
public sealed record TableInfo(
    long Count,
    string TableType,
    long Size,
    long DatabaseSize,
    long IndexSize,
    IReadOnlyList<ColumnDetails> Columns);

/// <summary>A column's storage details under <c>schema</c> in datastore_info.</summary>
public sealed record ColumnDetails(string Id, string NativeType, string? IndexName, bool IsIndex, bool NotNull, bool UniqueKey);
