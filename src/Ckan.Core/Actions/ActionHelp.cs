namespace Ckan.Core.Actions;

/// <summary>
/// Short descriptions of the core actions served by help_show.
/// </summary>
public static class ActionHelp
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["package_show"] = "Return the metadata of a dataset and its resources.\n\n:param id: the id or name of the dataset",
        ["package_search"] = "Search for datasets.\n\n:param q: the query\n:param fq: filter query\n"
            + ":param rows: results per page\n:param start: offset of the first result\n:param sort: sort order",
        ["package_create"] = "Create a new dataset.\n\n:param name: the dataset name (2-100 lowercase letters, digits, - or _)",
        ["package_update"] = "Update a dataset, replacing every field.\n\n:param id: the id or name of the dataset",
        ["package_patch"] = "Update some fields of a dataset.\n\n:param id: the id or name of the dataset",
        ["package_delete"] = "Delete a dataset (it can be restored until purged).\n\n:param id: the id or name",
        ["package_list"] = "Return the names of active public datasets.\n\n:param limit: page size\n:param offset: offset",
    };

    /// <summary>Returns the description of an action, or a generic line for actions without one.</summary>
    public static string Describe(string name) =>
        Descriptions.TryGetValue(name, out var text) ? text : $"The {name} action of the CKAN Action API.";
}
