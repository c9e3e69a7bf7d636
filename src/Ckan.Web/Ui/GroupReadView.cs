using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>An organization's or group's page: its dictionary and a search among its datasets.</summary>
/// <param name="Kind"><c>organization</c> or <c>group</c>.</param>
/// <param name="Group">The organization_show or group_show result.</param>
/// <param name="Search">The dataset search scoped to it.</param>
/// <param name="CanEdit">Whether the user may edit it.</param>
public sealed record GroupReadView(string Kind, JsonObject Group, SearchView Search, bool CanEdit)
{
    /// <summary>
    /// Loads the page for the organization or group named <paramref name="id"/> as the current user.
    /// The show action raises not found for an unknown or deleted one.
    /// </summary>
    public static async Task<GroupReadView> LoadAsync(
        ActionRunner actions,
        string kind,
        string id,
        DatasetSearchQuery query,
        CancellationToken cancellationToken)
    {
        var group = await actions.RunObjectAsync(
            kind + "_show",
            new JsonObject { ["id"] = id, ["include_datasets"] = false, ["include_users"] = false },
            cancellationToken);
        var name = group.Str("name") ?? id;
        var scopeField = kind == "organization" ? "organization" : "groups";
        var search = await query.RunAsync(actions, "/" + kind + "/" + name, new(scopeField, name), cancellationToken);
        var canEdit = await actions.CanEditGroupAsync(group.Str("id") ?? "", cancellationToken);
        return new GroupReadView(kind, group, search, canEdit);
    }
}
