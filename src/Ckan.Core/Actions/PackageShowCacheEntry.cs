namespace Ckan.Core.Actions;

/// <summary>
/// One cached dataset dictionary with the facts its authorization needs.
/// </summary>
public sealed record PackageShowCacheEntry
{
    public required long Version { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? OwnerOrg { get; init; }
    public string? CreatorUserId { get; init; }
    public required bool IsPrivate { get; init; }
    public required string State { get; init; }
    public required byte[] Json { get; init; }
}
