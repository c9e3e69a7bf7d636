using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Schemas;
using Ckan.Core.Search;
using Ckan.Core.Uploads;
using Ckan.Core.Views;

namespace Ckan.Core.Actions.Update;

/// <summary>
/// Update and patch actions on datasets and resources: package_update, package_patch,
/// resource_update and resource_patch.
/// </summary>
public static class PackageUpdate
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("package_update", PackageUpdateAsync)
        .Add("package_patch", PackagePatchAsync)
        .Add("resource_update", ResourceUpdateAsync)
        .Add("resource_patch", ResourcePatchAsync);

    /// <summary>
    /// package_update: replaces a dataset with the dictionary given. Parameter <c>id</c> or <c>name</c>
    /// identifies it; omitted lists (resources, tags, extras, groups) are emptied and omitted fields
    /// become null. Resources are matched by id; those left out are deleted.
    /// </summary>
    public static async Task<ActionResult> PackageUpdateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var entry = await UpdateAsync(context, data, null, cancellationToken);
        return ActionResult.FromUtf8(entry.Json);
    }

    /// <summary>
    /// package_patch: changes only the top-level fields given (parameter <c>id</c> required); a given
    /// list replaces the whole list.
    /// </summary>
    public static async Task<ActionResult> PackagePatchAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        var package = await PackageReader.ShowDictAsync(context, id, cancellationToken);
        foreach (var (key, value) in data)
        {
            package[key] = value?.DeepClone();
        }

        package["id"] = package["id"]?.DeepClone();
        var entry = await UpdateAsync(context, package, null, cancellationToken);
        return ActionResult.FromUtf8(entry.Json);
    }

    /// <summary>
    /// resource_update: replaces one resource (parameter <c>id</c>); a missing url becomes empty and a
    /// stored <c>datastore_active</c> flag is kept unless given. A multipart <c>upload</c> file replaces
    /// the stored one; <c>clear_upload</c> without a file deletes it.
    /// </summary>
    public static async Task<ActionResult> ResourceUpdateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        var (package, index) = await FindResourceAsync(context, id, cancellationToken);
        var resources = package["resources"]!.AsArray();
        var previous = resources[index]!.AsObject();
        var replacement = data.DeepClone().AsObject();
        replacement["url"] ??= "";
        var upload = ResourceUploadChange.Prepare(replacement, context.Upload, context.Services.ResourceFiles);
        if (!replacement.ContainsKey("datastore_active") && previous["datastore_active"] is { } active)
        {
            replacement["datastore_active"] = active.DeepClone();
        }

        resources[index] = replacement;
        var updated = await UpdateFromDictAsync(context, package, index, cancellationToken);
        upload.Complete(id);
        return FindResource(updated, id);
    }

    /// <summary>resource_patch: changes only the resource fields given (parameter <c>id</c> required).</summary>
    public static async Task<ActionResult> ResourcePatchAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        var (package, index) = await FindResourceAsync(context, id, cancellationToken);
        var resources = package["resources"]!.AsArray();
        var resource = resources[index]!.AsObject();
        foreach (var (key, value) in data)
        {
            resource[key] = value?.DeepClone();
        }

        var updated = await UpdateFromDictAsync(context, package, index, cancellationToken);
        return FindResource(updated, id);
    }

    /// <summary>
    /// Saves a whole dataset dictionary, as package_update does, for the resource actions. When
    /// <paramref name="resourceIndex"/> is given, a validation error reports only that resource's fields,
    /// as CKAN's resource actions do.
    /// </summary>
    public static async Task<JsonObject> UpdateFromDictAsync(
        ActionContext context,
        JsonObject package,
        int? resourceIndex,
        CancellationToken cancellationToken)
    {
        var entry = await UpdateAsync(context, package, resourceIndex, cancellationToken);
        return JsonNode.Parse(entry.Json)!.AsObject();
    }

    /// <summary>Returns the resource with the id from a dataset dictionary.</summary>
    public static JsonObject FindResource(JsonObject package, string resourceId) =>
        package["resources"]!.AsArray()
            .OfType<JsonObject>()
            .First(resource => string.Equals(resource["id"]?.GetValue<string>(), resourceId, StringComparison.Ordinal));

    /// <summary>Returns the dataset dictionary holding an active resource and the resource's index in it.</summary>
    public static async Task<(JsonObject Package, int Index)> FindResourceAsync(
        ActionContext context,
        string resourceId,
        CancellationToken cancellationToken)
    {
        string packageId;
        await using (var session = await context.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            var resource = await session.GetResourceAsync(resourceId, cancellationToken);
            if (resource is null || !string.Equals(resource.State, "active", StringComparison.Ordinal))
            {
                throw new NotFoundException("Resource was not found.");
            }

            packageId = resource.PackageId;
        }

        var package = await PackageReader.ShowDictAsync(context, packageId, cancellationToken);
        var resources = package["resources"]!.AsArray();
        for (var index = 0; index < resources.Count; index++)
        {
            if (string.Equals(resources[index]?["id"]?.GetValue<string>(), resourceId, StringComparison.Ordinal))
            {
                return (package, index);
            }
        }

        throw new NotFoundException("Resource was not found.");
    }

    private static async Task<PackageShowCacheEntry> UpdateAsync(
        ActionContext context,
        JsonObject data,
        int? resourceIndex,
        CancellationToken cancellationToken)
    {
        var id = DataDict.GetString(data, "id");
        if (string.IsNullOrEmpty(id))
        {
            id = DataDict.GetString(data, "name");
        }

        if (string.IsNullOrEmpty(id))
        {
            // CKAN reports this one as a plain string, not a list.
            throw new ValidationException(new JsonObject { ["id"] = "Missing value" });
        }

        string packageId;
        await using (var session = await context.Store.OpenSessionAsync(write: true, cancellationToken))
        {
            var existing = await session.GetPackageGraphAsync(id, cancellationToken)
                ?? throw new NotFoundException("Package was not found.");
            await Authorizer.CheckPackageUpdateAsync(context, session, existing.Package, cancellationToken);
            ValidatedPackage validated;
            try
            {
                validated = await PackageSchema.ValidateAsync(
                    context, session, data, existing, cancellationToken);
            }
            catch (ValidationException error) when (resourceIndex is not null)
            {
                throw NarrowToResource(error, resourceIndex.Value);
            }

            await PackageWriter.SaveAsync(session, validated, existing, cancellationToken);
            await session.CommitAsync(cancellationToken);
            packageId = existing.Package.Id;
        }

        await SearchIndexer.IndexPackagesAsync(context.Services, [packageId], cancellationToken);

        var entry = await PackageReader.ShowAsync(context, packageId, cancellationToken);
        await DefaultViewCreator.CreateForDatasetAsync(
            context.WithoutAuth(), entry, cancellationToken);
        return entry;
    }

    private static ValidationException NarrowToResource(ValidationException error, int index)
    {
        if (error.Errors["resources"] is JsonArray list && index < list.Count && list[index] is JsonObject own
            && own.Count > 0)
        {
            return new ValidationException(own.DeepClone().AsObject());
        }

        return error;
    }
}
