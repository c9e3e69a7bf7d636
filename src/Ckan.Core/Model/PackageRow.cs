namespace Ckan.Core.Model;

/// <summary>
/// A dataset row, with CKAN's <c>package</c> columns. Timestamps are naive UTC in storage form.
/// </summary>
public sealed record PackageRow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Title { get; init; }
    public string? Version { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    public string? AuthorEmail { get; init; }
    public string? Maintainer { get; init; }
    public string? MaintainerEmail { get; init; }
    public string? Notes { get; init; }
    public string? LicenseId { get; init; }
    public string Type { get; init; } = "dataset";
    public string? OwnerOrg { get; init; }
    public string? CreatorUserId { get; init; }
    public string? MetadataCreated { get; init; }
    public string? MetadataModified { get; init; }
    public bool Private { get; init; }
    public string State { get; init; } = "active";
    public string? PluginData { get; init; }
}
