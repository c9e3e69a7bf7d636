namespace Ckan.Core.Model;

/// <summary>
/// A dataset with everything its dictionary shows: active resources in position order, extras,
/// tags, groups and the owning organization.
/// </summary>
public sealed record PackageGraph
{
    public required PackageRow Package { get; init; }
    public required IReadOnlyList<ResourceRow> Resources { get; init; }
    public required IReadOnlyList<ExtraRow> Extras { get; init; }
    public required IReadOnlyList<TagRow> Tags { get; init; }
    public required IReadOnlyList<GroupRow> Groups { get; init; }
    public GroupRow? Organization { get; init; }
}
