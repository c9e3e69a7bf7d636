using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Schemas;
using Ckan.Core.Actions.Update;
using Ckan.Core.Search;
using Ckan.Core.Uploads;
using Ckan.Core.Views;

namespace Ckan.Core.Actions.Create;

/// <summary>Create actions on datasets and resources: package_create and resource_create.</summary>
public static class PackageCreate
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("package_create", PackageCreateAsync)
        .Add("resource_create", ResourceCreateAsync);

    /// <summary>
    /// package_create: creates a dataset from its dictionary (name required; title, notes, owner_org,
    /// private, license_id, tags, extras, groups, resources and the other CKAN fields optional) and
    /// returns it as package_show does.
    /// </summary>
    public static async Task<ActionResult> PackageCreateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        string id;
        await using (var session = await context.Store.OpenSessionAsync(write: true, cancellationToken))
        {
            await Authorizer.CheckPackageCreateAsync(context, session, data, cancellationToken);
            var validated = await PackageSchema.ValidateAsync(context, session, data, null, cancellationToken);
            await PackageWriter.SaveAsync(session, validated, null, cancellationToken);
            await session.CommitAsync(cancellationToken);
            id = validated.Package.Id;
        }

        await SearchIndexer.IndexPackagesAsync(context.Services, [id], cancellationToken);

        var entry = await PackageReader.ShowAsync(context, id, cancellationToken);
        await DefaultViewCreator.CreateForDatasetAsync(
            context.WithoutAuth(), entry, cancellationToken);
        return ActionResult.FromUtf8(entry.Json);
    }

    /// <summary>
    /// resource_create: appends a resource to a dataset. Parameters: <c>package_id</c> (required, id or
    /// name), <c>url</c> and the other resource fields; a multipart <c>upload</c> file is stored and
    /// becomes the url. Returns the new resource.
    /// </summary>
    public static async Task<ActionResult> ResourceCreateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var packageId = DataDict.Require(data, "package_id");
        var package = await PackageReader.ShowDictAsync(context, packageId, cancellationToken);
        var resource = data.DeepClone().AsObject();
        resource.Remove("package_id");
        resource["url"] ??= "";
        var upload = ResourceUploadChange.Prepare(resource, context.Upload, context.Services.ResourceFiles);

        // The new resource goes in without an id, so that its format is guessed from the URL as CKAN does;
        // it gets its id when saved and is the last resource of the dataset.
        var resources = package["resources"]!.AsArray();
        resources.Add(resource);
        var updated = await PackageUpdate.UpdateFromDictAsync(
            context, package, resources.Count - 1, cancellationToken);
        var created = updated["resources"]!.AsArray()[^1]!;
        upload.Complete(created["id"]!.GetValue<string>());
        return created.DeepClone();
    }
}
