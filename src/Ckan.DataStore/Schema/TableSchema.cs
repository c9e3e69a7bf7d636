namespace Ckan.DataStore.Schema;

/// <summary>
/// The shape of one resource's table: user columns in order (without <c>_id</c> and
/// <c>_full_text</c>), the primary key and the aliases pointing at it.
/// </summary>
public sealed record TableSchema
{
    public required string ResourceId { get; init; }
    public required IReadOnlyList<DataStoreField> Fields { get; init; }
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Returns the field with the name, or null.</summary>
    public DataStoreField? Find(string name) => Fields.FirstOrDefault(
        field => string.Equals(field.Id, name, StringComparison.Ordinal));
}
