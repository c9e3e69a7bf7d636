using System.Text.Json.Nodes;

namespace Ckan.Core.Plugins;

/// <summary>Changes package_search parameters before the search runs, as CKAN's IPackageController.before_dataset_search does.</summary>
public interface ISearchPlugin : ICkanPlugin
{
    /// <summary>
    /// Changes the search parameters in place: adds filters to <c>fq</c>, reads and removes parameters of its
    /// own (such as <c>ext_bbox</c>), and so on.
    /// </summary>
    void BeforeSearch(JsonObject searchParameters);
}
