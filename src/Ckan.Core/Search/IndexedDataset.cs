using System.Text.Json.Nodes;

namespace Ckan.Core.Search;

/// <summary>
/// A dataset to index: its package_show dictionary (from which every field is derived, as CKAN builds its
/// Solr document) and the same dictionary serialized, which the index stores and returns verbatim.
/// </summary>
public sealed record IndexedDataset
{
    public required JsonObject Dictionary { get; init; }
    public required byte[] Json { get; init; }

    /// <summary>
    /// Labels that grant visibility, as CKAN's permission labels: "public" for public active datasets,
    /// "member-{orgId}" for private datasets of an organization, "creator-{userId}" for drafts and
    /// unowned private datasets. A search shows a dataset when it shares one label with the caller.
    /// </summary>
    public required IReadOnlyList<string> PermissionLabels { get; init; }

    /// <summary>
    /// The names of the vocabularies the dataset's tags belong to, by vocabulary id. package_show gives
    /// only the id, and CKAN indexes vocabulary tags in a field named after the vocabulary's name.
    /// </summary>
    public IReadOnlyDictionary<string, string> VocabularyNames { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The fields that index plugins added (<see cref="Plugins.IIndexPlugin"/>).</summary>
    public IndexDocumentFields PluginFields { get; init; } = new();
}
