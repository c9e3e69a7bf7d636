using System.Text.Json.Nodes;
using Ckan.Core.Search;

namespace Ckan.Core.Plugins;

/// <summary>
/// Adds fields to each dataset's search index document, as CKAN's IPackageController.before_dataset_index
/// does, and learns which datasets were indexed or removed.
/// </summary>
public interface IIndexPlugin : ICkanPlugin
{
    /// <summary>
    /// Adds fields for one dataset. <paramref name="dataset"/> is the package_show dictionary with plugin
    /// fields still in <c>extras</c>; the plugin must not change it. Runs on any thread.
    /// </summary>
    void BeforeIndex(JsonObject dataset, IndexDocumentFields fields);

    /// <summary>
    /// Runs after a write to the index with the datasets written and the ids removed (deleted or purged
    /// datasets), so a plugin can keep its own tables in step. A rebuild calls it for each batch it writes.
    /// </summary>
    Task AfterIndexAsync(
        IReadOnlyList<JsonObject> indexed,
        IReadOnlyList<string> removedIds,
        CancellationToken cancellationToken) => Task.CompletedTask;
}
