namespace Ckan.Core.Model;

/// <summary>A user's capacity in one group or organization.</summary>
public sealed record Membership(string GroupId, string Capacity, bool IsOrganization);
