namespace Ckan.Core.Model;

/// <summary>
/// A group or an organization, with CKAN's <c>"group"</c> columns.
/// </summary>
public sealed record GroupRow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Title { get; init; }
    public string Type { get; init; } = "group";
    public string? Description { get; init; }
    public string? ImageUrl { get; init; }
    public string? Created { get; init; }
    public bool IsOrganization { get; init; }
    public string ApprovalStatus { get; init; } = "approved";
    public string State { get; init; } = "active";
}
