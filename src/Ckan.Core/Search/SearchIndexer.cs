using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Plugins;

namespace Ckan.Core.Search;

/// <summary>
/// Keeps the search index in step with the catalog: called after each committed write with the datasets
/// it touched. Active and draft datasets are (re)indexed from a fresh read; deleted and purged ones leave
/// the index, as CKAN removes deleted datasets by default.
/// </summary>
public static class SearchIndexer
{
    /// <summary>Reindexes the datasets with these ids, or removes them when deleted or gone.</summary>
    public static async Task IndexPackagesAsync(
        CkanServices services,
        IReadOnlyCollection<string> packageIds,
        CancellationToken cancellationToken)
    {
        if (packageIds.Count == 0)
        {
            return;
        }

        var toIndex = new List<IndexedDataset>();
        var toRemove = new List<string>();
        await using (var session = await services.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            foreach (var graph in await session.GetPackageGraphsAsync(packageIds.ToList(), cancellationToken))
            {
                if (string.Equals(graph.Package.State, "deleted", StringComparison.Ordinal))
                {
                    toRemove.Add(graph.Package.Id);
                    continue;
                }

                toIndex.Add(ToIndexed(services, graph));
            }
        }

        var found = toIndex.Select(dataset => dataset.Dictionary["id"]!.GetValue<string>()).Concat(toRemove);
        toRemove.AddRange(packageIds.Except(found, StringComparer.Ordinal));
        await WriteAsync(services, toIndex, toRemove, cancellationToken);
    }

    /// <summary>Reindexes every dataset owned by the organization or in the group.</summary>
    public static async Task IndexGroupPackagesAsync(
        CkanServices services,
        GroupRow group,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids;
        await using (var session = await services.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            ids = await ListGroupPackageIdsAsync(session, group, cancellationToken);
        }

        await IndexPackagesAsync(services, ids, cancellationToken);
    }

    /// <summary>Returns the ids of every non-deleted dataset in a group or organization.</summary>
    public static async Task<IReadOnlyList<string>> ListGroupPackageIdsAsync(
        ICatalogSession session,
        GroupRow group,
        CancellationToken cancellationToken)
    {
        var query = new PackageQuery
        {
            States = ["active", "draft"],
            IncludePrivate = true,
            IncludeAllPrivate = true,
            OrganizationNames = group.IsOrganization ? [group.Name] : [],
            GroupNames = group.IsOrganization ? [] : [group.Name],
            Limit = int.MaxValue,
        };
        return (await session.SearchPackagesAsync(query, cancellationToken)).Ids;
    }

    /// <summary>Builds the index entry of a dataset from its stored rows.</summary>
    public static IndexedDataset ToIndexed(CkanServices services, PackageGraph graph)
    {
        // Plugin fields stay in the extras of the dictionary the index reads, so they are searchable as
        // extras_<name>; the stored copy that package_search returns shows them at the top level.
        // NOTE: CKAN with ckanext-scheming indexes such fields under their own name instead.
        var dictionary = PackageDictizer.Dictize(graph, services.Licenses, services.Config.SiteUrl);
        var displayed = services.Plugins.DatasetFields.Count == 0
            ? dictionary
            : PackageDictizer.Dictize(graph, services.Licenses, services.Config.SiteUrl, services.Plugins.DatasetFields);
        var pluginFields = new IndexDocumentFields();
        foreach (var plugin in services.Plugins.Of<IIndexPlugin>())
        {
            plugin.BeforeIndex(dictionary, pluginFields);
        }

        return new IndexedDataset
        {
            Dictionary = dictionary,
            Json = JsonOutput.ToUtf8(displayed),
            PermissionLabels = PermissionLabels.ForDataset(graph.Package),
            VocabularyNames = VocabularyNames(graph.Tags),
            PluginFields = pluginFields,
        };
    }

    /// <summary>Tells the index plugins which datasets were just written to the index or removed from it.</summary>
    public static async Task NotifyPluginsAsync(
        CkanServices services,
        IReadOnlyList<IndexedDataset> indexed,
        IReadOnlyList<string> removedIds,
        CancellationToken cancellationToken)
    {
        var dictionaries = indexed.Select(dataset => dataset.Dictionary).ToList();
        foreach (var plugin in services.Plugins.Of<IIndexPlugin>())
        {
            await plugin.AfterIndexAsync(dictionaries, removedIds, cancellationToken);
        }
    }

    private static Dictionary<string, string> VocabularyNames(IReadOnlyList<TagRow> tags)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag is { VocabularyId: { } id, VocabularyName: { } name })
            {
                names[id] = name;
            }
        }

        return names;
    }

    private static async Task WriteAsync(
        CkanServices services,
        IReadOnlyList<IndexedDataset> toIndex,
        IReadOnlyList<string> toRemove,
        CancellationToken cancellationToken)
    {
        try
        {
            if (toIndex.Count > 0)
            {
                await services.Search.IndexAsync(toIndex, cancellationToken);
            }

            if (toRemove.Count > 0)
            {
                await services.Search.DeleteAsync(toRemove, cancellationToken);
            }

            await NotifyPluginsAsync(services, toIndex, toRemove, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException and not SearchIndexException)
        {
            var ids = string.Join(", ", toIndex.Select(dataset => dataset.Dictionary["id"]?.GetValue<string>()));
            throw new SearchIndexException(
                $"{error.Message} (datasets {ids}); run `ckan search-index rebuild` once the cause is fixed.", error);
        }
    }

}
