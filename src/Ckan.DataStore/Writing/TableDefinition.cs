using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Writing;

/// <summary>
/// What datastore_create asks for: the full field list (existing fields first, new ones after), and
/// optionally a new primary key, index list and aliases, plus records to insert.
/// </summary>
public sealed record TableDefinition
{
    public required string ResourceId { get; init; }
    public required IReadOnlyList<DataStoreField> Fields { get; init; }

    /// <summary>The key columns; null keeps the current key.</summary>
    public IReadOnlyList<string>? PrimaryKey { get; init; }

    /// <summary>Indexes, each a list of columns; null keeps the current ones.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Indexes { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<RecordValues> Records { get; init; } = [];

    /// <summary>Whether columns missing from <see cref="Fields"/> are dropped (CKAN 2.11's delete_fields).</summary>
    public bool DeleteFields { get; init; }
}
