namespace Ckan.Core.Model;

/// <summary>
/// A membership: a dataset, user or group (<see cref="TableName"/>) in a group, with a capacity
/// such as admin, editor, member, public or organization.
/// </summary>
public sealed record MemberRow
{
    public required string Id { get; init; }
    public required string TableName { get; init; }
    public required string TableId { get; init; }
    public required string Capacity { get; init; }
    public required string GroupId { get; init; }
    public string State { get; init; } = "active";
}
