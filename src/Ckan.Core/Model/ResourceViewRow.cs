namespace Ckan.Core.Model;

/// <summary>
/// A row of CKAN's <c>resource_view</c> table: one way of showing a resource, such as an image or a map.
/// </summary>
public sealed record ResourceViewRow
{
    public required string Id { get; init; }
    public required string ResourceId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public required string ViewType { get; init; }

    /// <summary>The position among the resource's views, lowest first.</summary>
    public int Order { get; init; }

    /// <summary>The view type's own settings as a JSON object text, or null when it has none.</summary>
    public string? Config { get; init; }
}
