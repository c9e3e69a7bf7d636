namespace Ckan.Core.Model;

/// <summary>An API token; <see cref="Id"/> is also the JWT's <c>jti</c> claim.</summary>
public sealed record ApiTokenRow
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string UserId { get; init; }
    public required string CreatedAt { get; init; }
    public string? LastAccess { get; init; }
    public string? PluginExtras { get; init; }
}
