using Ckan.Core.Actions;
using Ckan.Plugins.Showcase;

namespace Ckan.Web.Ui;

/// <summary>What the showcase pages ask of the portal: whether the plugin is on and who may change showcases.</summary>
public static class ShowcasePages
{
    /// <summary>Returns whether the <c>showcase</c> plugin is enabled, so its pages exist.</summary>
    public static bool IsEnabled(ActionRunner actions) =>
        actions.Services.Actions.Find("ckanext_showcase_show") is not null;

    /// <summary>Returns whether the current user may create and edit showcases (sysadmin or showcase admin).</summary>
    public static async Task<bool> CanEditAsync(ActionRunner actions, CancellationToken cancellationToken)
    {
        if (actions.User is null)
        {
            return false;
        }

        var context = new ActionContext(actions.Services, actions.User);
        return await ShowcaseAuth.IsShowcaseAdminAsync(context, cancellationToken);
    }
}
