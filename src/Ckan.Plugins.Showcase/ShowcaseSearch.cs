using System.Text.Json.Nodes;

namespace Ckan.Plugins.Showcase;

/// <summary>Keeps showcases out of dataset searches, as ckanext-showcase's <c>before_dataset_search</c> does.</summary>
public static class ShowcaseSearch
{
    /// <summary>
    /// Adds <c>-dataset_type:showcase</c> to <c>fq</c> unless the filters already name a dataset type, so a
    /// search for <c>dataset_type:showcase</c> still finds them.
    /// </summary>
    public static void ExcludeShowcases(JsonObject searchParameters)
    {
        ArgumentNullException.ThrowIfNull(searchParameters);
        var fq = searchParameters["fq"]?.ToString() ?? "";
        var fqList = searchParameters["fq_list"]?.ToJsonString() ?? "";
        if (fq.Contains("dataset_type:", StringComparison.Ordinal)
            || fqList.Contains("dataset_type:", StringComparison.Ordinal))
        {
            return;
        }

        searchParameters["fq"] = (fq + " -dataset_type:showcase").Trim();
    }
}
