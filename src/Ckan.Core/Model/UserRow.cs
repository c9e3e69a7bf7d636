namespace Ckan.Core.Model;

/// <summary>
/// A user row, with CKAN's <c>"user"</c> columns; <see cref="Password"/> contains the passlib hash.
/// </summary>
public sealed record UserRow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Password { get; init; }
    public string? Fullname { get; init; }
    public string? Email { get; init; }
    public string? Apikey { get; init; }
    public string? Created { get; init; }
    public string? ResetKey { get; init; }
    public string? About { get; init; }
    public string? LastActive { get; init; }
    public bool ActivityStreamsEmailNotifications { get; init; }
    public bool Sysadmin { get; init; }
    public string State { get; init; } = "active";
    public string? ImageUrl { get; init; }
    public string? PluginExtras { get; init; }
}
