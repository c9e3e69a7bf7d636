using Ckan.Core.Actions;
using Ckan.Core.Auth;
using Ckan.Core.Catalog;
using Ckan.Core.Model;

namespace Ckan.Core.Search;

/// <summary>
/// CKAN's permission labels: a dataset carries labels saying who may see it, a caller has labels
/// saying what they may see, and a search shows a dataset when the two share one.
/// </summary>
public static class PermissionLabels
{
    public const string Public = "public";

    /// <summary>
    /// Returns a dataset's labels: public for active public datasets; otherwise the members of its
    /// organization, or its creator when it has none.
    /// </summary>
    public static IReadOnlyList<string> ForDataset(PackageRow package)
    {
        if (string.Equals(package.State, "active", StringComparison.Ordinal) && !package.Private)
        {
            return [Public];
        }

        return package.OwnerOrg is null ? ["creator-" + package.CreatorUserId] : ["member-" + package.OwnerOrg];
    }

    /// <summary>
    /// Returns the caller's labels, or null for a sysadmin, who sees everything: public, their own
    /// datasets, and those of every organization they belong to in any capacity.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> ForCallerAsync(
        ActionContext context,
        ICatalogSession session,
        CancellationToken cancellationToken)
    {
        if (context.IsSysadmin)
        {
            return null;
        }

        var labels = new List<string> { Public };
        if (context.User is null)
        {
            return labels;
        }

        labels.Add("creator-" + context.User.Id);
        var organizations = await Authorizer.OrganizationsWithPermissionAsync(
            context, session, Permissions.Read, cancellationToken);
        labels.AddRange(organizations.Select(id => "member-" + id));
        return labels;
    }
}
