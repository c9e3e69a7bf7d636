using Ckan.Core.Actions;
using Ckan.Core.Errors;

namespace Ckan.Plugins.Showcase;

/// <summary>ckanext-showcase's rules: sysadmins and showcase admins change showcases; sysadmins manage the admins.</summary>
public static class ShowcaseAuth
{
    /// <summary>Raises not authorized unless the caller is a sysadmin or a showcase admin.</summary>
    public static async Task CheckShowcaseAdminAsync(
        ActionContext context,
        string action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await IsShowcaseAdminAsync(context, cancellationToken))
        {
            return;
        }

        throw new NotAuthorizedException($"User {context.UserName} not authorized to call {action}");
    }

    /// <summary>Returns whether the caller is a sysadmin or on the showcase admin list.</summary>
    public static async Task<bool> IsShowcaseAdminAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsSysadmin)
        {
            return true;
        }

        if (context.User is null)
        {
            return false;
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var admins = await session.ListShowcaseAdminIdsAsync(cancellationToken);
        return admins.Contains(context.User.Id, StringComparer.Ordinal);
    }

    /// <summary>Raises not authorized unless the caller is a sysadmin.</summary>
    public static void CheckSysadmin(ActionContext context, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsSysadmin)
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to call {action}");
        }
    }
}
