namespace Ckan.Core.Model;

/// <summary>A user's capacity in one group or organization.</summary>
/// <remarks>
/// Init properties rather than a positional record, so that Dapper can fill
/// <see cref="IsOrganization"/> from SQLite's integer column; a constructor would need an exact type match.
/// </remarks>
public sealed record Membership
{
    public required string GroupId { get; init; }
    public required string Capacity { get; init; }
    public bool IsOrganization { get; init; }
}
