using System.Text.Json.Nodes;
using Ckan.Core.Errors;

namespace Ckan.Web.Ui;

/// <summary>Loads a dataset for its pages through package_show, as the current user.</summary>
public static class DatasetLoader
{
    /// <summary>
    /// Returns the dataset, or null when it does not exist or the user may not see it. As in CKAN, a
    /// private dataset is reported as missing rather than forbidden unless
    /// <c>ckan.auth.reveal_private_datasets</c> is on, so its existence is not given away.
    /// </summary>
    /// <exception cref="NotAuthorizedException">The dataset exists, the user may not see it and the
    /// option is on.</exception>
    public static async Task<JsonObject?> ShowAsync(ActionRunner actions, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await actions.RunObjectAsync("package_show", new JsonObject { ["id"] = id }, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (NotAuthorizedException) when (!actions.Services.Config.AuthOption("reveal_private_datasets"))
        {
            return null;
        }
    }
}
