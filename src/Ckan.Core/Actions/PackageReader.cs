using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Core.Actions;

/// <summary>
/// Reads dataset dictionaries through the package_show cache, checking that the caller may see them.
/// </summary>
public static class PackageReader
{
    /// <summary>
    /// Returns the cached or freshly built entry for a dataset the caller may read; raises not found or
    /// not authorized otherwise.
    /// </summary>
    public static async Task<PackageShowCacheEntry> ShowAsync(
        ActionContext context,
        string idOrName,
        CancellationToken cancellationToken)
    {
        var services = context.Services;
        var entry = services.PackageCache.Find(idOrName);
        if (entry is null)
        {
            entry = await LoadAsync(context, idOrName, cancellationToken);
            services.PackageCache.Add(entry);
        }

        if (entry.IsPrivate || !string.Equals(entry.State, "active", StringComparison.Ordinal))
        {
            await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
            await Authorizer.CheckPackageReadAsync(
                context,
                session,
                entry.Id,
                entry.OwnerOrg,
                entry.IsPrivate,
                entry.State,
                entry.CreatorUserId,
                cancellationToken);
        }

        return entry;
    }

    /// <summary>Returns the dataset dictionary as a mutable tree, after the same checks.</summary>
    public static async Task<JsonObject> ShowDictAsync(
        ActionContext context,
        string idOrName,
        CancellationToken cancellationToken)
    {
        var entry = await ShowAsync(context, idOrName, cancellationToken);
        return JsonNode.Parse(entry.Json)!.AsObject();
    }

    private static async Task<PackageShowCacheEntry> LoadAsync(
        ActionContext context,
        string idOrName,
        CancellationToken cancellationToken)
    {
        // Taken before reading, so a write that commits meanwhile leaves the entry already stale.
        var version = context.Store.ChangeVersion;
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var graph = await session.GetPackageGraphAsync(idOrName, cancellationToken)
            ?? throw new NotFoundException();
        var dict = PackageDictizer.Dictize(
            graph, context.Services.Licenses, context.Config.SiteUrl, context.Services.Plugins.DatasetFields);
        var package = graph.Package;
        return new PackageShowCacheEntry
        {
            Version = version,
            Id = package.Id,
            Name = package.Name,
            OwnerOrg = package.OwnerOrg,
            CreatorUserId = package.CreatorUserId,
            IsPrivate = package.Private,
            State = package.State,
            Json = JsonOutput.ToUtf8(dict),
        };
    }
}
