using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>The choices of the dataset form: licenses, and organizations the user may add datasets to.</summary>
/// <param name="Licenses">license_list's result.</param>
/// <param name="Organizations">organization_list_for_user's result for the create_dataset permission.</param>
public sealed record DatasetFormOptions(IReadOnlyList<JsonObject> Licenses, IReadOnlyList<JsonObject> Organizations)
{
    /// <summary>Loads the choices through the actions, as the current user.</summary>
    public static async Task<DatasetFormOptions> LoadAsync(ActionRunner actions, CancellationToken cancellationToken)
    {
        var licenses = await actions.RunListAsync("license_list", [], cancellationToken);
        var organizations = await actions.RunListAsync(
            "organization_list_for_user", new JsonObject { ["permission"] = "create_dataset" }, cancellationToken);
        return new DatasetFormOptions(
            licenses.OfType<JsonObject>().ToList(),
            organizations.OfType<JsonObject>().ToList());
    }
}
