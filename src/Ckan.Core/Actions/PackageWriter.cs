using Ckan.Core.Catalog;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Schemas;

namespace Ckan.Core.Actions;

/// <summary>
/// Saves a validated dataset with its resources, extras, tags and groups, filling in CKAN's timestamps.
/// Used by every action that writes a dataset, so create, update, patch and the resource actions
/// store the same way.
/// </summary>
public static class PackageWriter
{
    /// <summary>Writes the dataset in the session; <paramref name="existing"/> is null for a new one.</summary>
    public static async Task SaveAsync(
        ICatalogSession session,
        ValidatedPackage validated,
        PackageGraph? existing,
        CancellationToken cancellationToken)
    {
        var now = CkanTime.ToStorage(CkanTime.UtcNow());
        var package = validated.Package with
        {
            MetadataCreated = existing?.Package.MetadataCreated ?? now,
            MetadataModified = now,
        };

        await ReleaseNameOfDeletedDatasetAsync(session, package, cancellationToken);
        if (existing is null)
        {
            await session.InsertPackageAsync(package, cancellationToken);
        }
        else
        {
            await session.UpdatePackageAsync(package, cancellationToken);
        }

        var previous = existing?.Resources.ToDictionary(resource => resource.Id, StringComparer.Ordinal)
            ?? new Dictionary<string, ResourceRow>(StringComparer.Ordinal);
        var resources = validated.Resources
            .Select(resource => Stamp(resource, previous.GetValueOrDefault(resource.Id), now))
            .ToList();
        await session.SaveResourcesAsync(package.Id, resources, cancellationToken);
        await session.ReplacePackageExtrasAsync(package.Id, validated.Extras, cancellationToken);
        await session.ReplacePackageTagsAsync(package.Id, validated.Tags, cancellationToken);
        await session.ReplacePackageGroupsAsync(package.Id, validated.GroupIds, cancellationToken);
    }

    // A deleted dataset keeps its row, and so its name, until purged; CKAN lets a new dataset take the
    // name, so the deleted one is renamed to its own id, which no other dataset can hold.
    private static async Task ReleaseNameOfDeletedDatasetAsync(
        ICatalogSession session,
        PackageRow package,
        CancellationToken cancellationToken)
    {
        var holder = await session.FindPackageByNameAsync(package.Name, cancellationToken);
        if (holder is null
            || string.Equals(holder.Id, package.Id, StringComparison.Ordinal)
            || !string.Equals(holder.State, "deleted", StringComparison.Ordinal))
        {
            return;
        }

        await session.UpdatePackageAsync(holder with { Name = holder.Id }, cancellationToken);
    }

    private static ResourceRow Stamp(ResourceRow resource, ResourceRow? previous, string now)
    {
        if (previous is null)
        {
            return resource with { Created = resource.Created ?? now, MetadataModified = now };
        }

        var merged = resource with
        {
            Created = resource.Created ?? previous.Created,
            MetadataModified = previous.MetadataModified,
        };
        return merged == previous ? merged : merged with { MetadataModified = now };
    }
}
