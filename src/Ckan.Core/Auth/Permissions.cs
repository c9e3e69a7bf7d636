namespace Ckan.Core.Auth;

/// <summary>
/// What each organization or group capacity allows, as CKAN's role table defines it.
/// </summary>
public static class Permissions
{
    public const string Read = "read";
    public const string CreateDataset = "create_dataset";
    public const string UpdateDataset = "update_dataset";
    public const string DeleteDataset = "delete_dataset";
    public const string ManageGroup = "manage_group";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Membership = "membership";

    private static readonly HashSet<string> Editor = new(StringComparer.Ordinal)
    {
        Read, CreateDataset, UpdateDataset, DeleteDataset, ManageGroup,
    };

    private static readonly HashSet<string> Member = new(StringComparer.Ordinal) { Read, ManageGroup };

    /// <summary>Capacities a user can hold in a group or organization.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["admin", "editor", "member"];

    /// <summary>Returns whether the capacity grants the permission; admin grants everything.</summary>
    public static bool Grants(string capacity, string permission) => capacity switch
    {
        "admin" => true,
        "editor" => Editor.Contains(permission),
        "member" => Member.Contains(permission),
        _ => false,
    };
}
