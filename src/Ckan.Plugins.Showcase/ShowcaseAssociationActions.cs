using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Plugins.Showcase;

/// <summary>
/// ckanext-showcase's actions on the links between showcases and datasets: association create and delete,
/// the datasets of a showcase and the showcases of a dataset.
/// </summary>
public static class ShowcaseAssociationActions
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("ckanext_showcase_package_association_create", CreateAsync)
        .Add("ckanext_showcase_package_association_delete", DeleteAsync)
        .AddRead("ckanext_showcase_package_list", ShowcasePackageListAsync)
        .AddRead("ckanext_package_showcase_list", PackageShowcaseListAsync);

    /// <summary>
    /// ckanext_showcase_package_association_create: links a dataset to a showcase. Parameters: <c>showcase_id</c>
    /// and <c>package_id</c> (ids or names). Sysadmins and showcase admins only. Returns both ids.
    /// </summary>
    public static async Task<ActionResult> CreateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        await ShowcaseAuth.CheckShowcaseAdminAsync(
            context, "ckanext_showcase_package_association_create", cancellationToken);
        var (showcaseId, packageId, packageTitle) = await ValidateAsync(context, data, cancellationToken);

        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        if (!await session.AddShowcasePackageAsync(showcaseId, packageId, cancellationToken))
        {
            throw new ValidationException(new JsonObject
            {
                ["message"] = $"ShowcasePackageAssociation with package_id '{packageId}' and showcase_id "
                    + $"'{showcaseId}' already exists.",
                ["error_summary"] = $"The dataset, {packageTitle}, is already in the showcase",
            });
        }

        await session.CommitAsync(cancellationToken);
        return new JsonObject { ["package_id"] = packageId, ["showcase_id"] = showcaseId };
    }

    /// <summary>
    /// ckanext_showcase_package_association_delete: removes the link between a dataset and a showcase.
    /// Parameters: <c>showcase_id</c> and <c>package_id</c>. Sysadmins and showcase admins only.
    /// </summary>
    public static async Task<ActionResult> DeleteAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        await ShowcaseAuth.CheckShowcaseAdminAsync(
            context, "ckanext_showcase_package_association_delete", cancellationToken);
        var (showcaseId, packageId, _) = await ValidateAsync(context, data, cancellationToken);

        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        if (!await session.RemoveShowcasePackageAsync(showcaseId, packageId, cancellationToken))
        {
            throw new NotFoundException(
                $"ShowcasePackageAssociation with package_id '{packageId}' and showcase_id '{showcaseId}' doesn't exist.");
        }

        await session.CommitAsync(cancellationToken);
        return (JsonNode?)null;
    }

    /// <summary>
    /// ckanext_showcase_package_list: the datasets linked to a showcase (parameter <c>showcase_id</c>) that the
    /// caller may read, as dataset dictionaries.
    /// </summary>
    public static async Task<ActionResult> ShowcasePackageListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var showcase = DataDict.Require(data, "showcase_id");
        var showcaseId = await ShowcaseActions.RequireShowcaseAsync(context, showcase, "showcase_id", cancellationToken);
        IReadOnlyList<string> ids;
        await using (var session = await context.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            ids = await session.ListShowcasePackageIdsAsync(showcaseId, cancellationToken);
        }

        return await ShowReadableAsync(context, ids, cancellationToken);
    }

    /// <summary>
    /// ckanext_package_showcase_list: the showcases a dataset (parameter <c>package_id</c>) is linked to, as
    /// dataset dictionaries.
    /// </summary>
    public static async Task<ActionResult> PackageShowcaseListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var package = DataDict.Require(data, "package_id");
        IReadOnlyList<string> ids;
        await using (var session = await context.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            var row = await session.GetPackageAsync(package, cancellationToken);
            if (row is null || row.State == "deleted")
            {
                throw ValidationException.ForField("package_id", "Not found: Dataset");
            }

            ids = await session.ListPackageShowcaseIdsAsync(row.Id, cancellationToken);
        }

        return await ShowReadableAsync(context, ids, cancellationToken);
    }

    private static async Task<(string ShowcaseId, string PackageId, string PackageTitle)> ValidateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var errors = new JsonObject();
        var showcase = DataDict.GetString(data, "showcase_id");
        var package = DataDict.GetString(data, "package_id");
        string? showcaseId = null;
        if (string.IsNullOrEmpty(showcase))
        {
            errors["showcase_id"] = new JsonArray("Missing value");
        }
        else
        {
            try
            {
                showcaseId = await ShowcaseActions.RequireShowcaseAsync(context, showcase, "showcase_id", cancellationToken);
            }
            catch (ValidationException error)
            {
                errors["showcase_id"] = error.Errors["showcase_id"]?.DeepClone();
            }
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var row = string.IsNullOrEmpty(package) ? null : await session.GetPackageAsync(package, cancellationToken);
        if (string.IsNullOrEmpty(package))
        {
            errors["package_id"] = new JsonArray("Missing value");
        }
        else if (row is null || row.State == "deleted")
        {
            errors["package_id"] = new JsonArray("Not found: Dataset");
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return (showcaseId!, row!.Id, string.IsNullOrEmpty(row.Title) ? row.Name : row.Title);
    }

    // Datasets the caller may not read, and deleted ones, are left out rather than failing the list.
    private static async Task<JsonArray> ShowReadableAsync(
        ActionContext context,
        IReadOnlyList<string> ids,
        CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        foreach (var id in ids)
        {
            try
            {
                var dataset = await PackageReader.ShowDictAsync(context, id, cancellationToken);
                if (dataset["state"]?.GetValue<string>() == "active")
                {
                    result.Add(dataset);
                }
            }
            catch (Exception error) when (error is NotAuthorizedException or NotFoundException)
            {
                continue;
            }
        }

        return result;
    }
}
