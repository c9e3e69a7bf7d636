using Ckan.Core.Model;

namespace Ckan.Core.Schemas;

/// <summary>
/// A dataset that passed validation, ready to save: the row, its resources in order, extras, tags and
/// group ids. Timestamps are filled in when it is saved.
/// </summary>
public sealed record ValidatedPackage
{
    public required PackageRow Package { get; init; }
    public required IReadOnlyList<ResourceRow> Resources { get; init; }
    public required IReadOnlyList<ExtraRow> Extras { get; init; }
    public required IReadOnlyList<TagReference> Tags { get; init; }
    public required IReadOnlyList<string> GroupIds { get; init; }
}
