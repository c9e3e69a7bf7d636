namespace Ckan.Core.Actions;

/// <summary>
/// Whether a group action works on groups or organizations; CKAN runs both through the same code and
/// differs only in names and messages.
/// </summary>
public sealed record GroupKind(bool IsOrganization)
{
    public static readonly GroupKind Group = new(false);
    public static readonly GroupKind Organization = new(true);

    /// <summary>The word in action names and messages: group or organization.</summary>
    public string Word => IsOrganization ? "organization" : "group";

    /// <summary>The plural used in CKAN's authorization messages.</summary>
    public string Plural => IsOrganization ? "organizations" : "groups";
}
