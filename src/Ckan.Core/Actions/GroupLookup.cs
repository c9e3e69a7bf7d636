using Ckan.Core.Catalog;
using Ckan.Core.Errors;
using Ckan.Core.Model;

namespace Ckan.Core.Actions;

/// <summary>Finds a group or organization by id or name, refusing the other kind as CKAN does.</summary>
public static class GroupLookup
{
    /// <summary>Returns the group, or raises not found when it is missing or of the other kind.</summary>
    public static async Task<GroupRow> FindAsync(
        ICatalogSession session,
        string idOrName,
        GroupKind kind,
        CancellationToken cancellationToken)
    {
        var group = await session.GetGroupAsync(idOrName, cancellationToken);
        if (group is null || group.IsOrganization != kind.IsOrganization)
        {
            throw new NotFoundException(kind.IsOrganization ? "Organization was not found." : "Group was not found.");
        }

        return group;
    }
}
