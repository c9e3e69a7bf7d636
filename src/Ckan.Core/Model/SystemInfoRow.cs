namespace Ckan.Core.Model;

/// <summary>
/// A row of CKAN's <c>system_info</c> table: one runtime-editable config option saved by
/// config_option_update, which takes precedence over the ini file.
/// </summary>
public sealed record SystemInfoRow
{
    public required string Key { get; init; }
    public string? Value { get; init; }
}
