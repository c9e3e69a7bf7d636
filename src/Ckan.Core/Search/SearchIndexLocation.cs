using Ckan.Core.Config;

namespace Ckan.Core.Search;

/// <summary>
/// Where the on-disk search index lives: <c>ckan.search.index_path</c> when set, else
/// <c>search_index</c> under <c>ckan.storage_path</c>, else beside the SQLite catalog file.
/// </summary>
public static class SearchIndexLocation
{
    /// <summary>The option that sets the folder explicitly.</summary>
    public const string Option = "ckan.search.index_path";

    /// <summary>Returns the index folder for the configuration.</summary>
    public static string Resolve(CkanConfig config)
    {
        if (config.Get(Option) is { } explicitPath)
        {
            return Path.GetFullPath(explicitPath);
        }

        if (config.StoragePath is { } storage)
        {
            return Path.GetFullPath(Path.Combine(storage, "search_index"));
        }

        const string sqlitePrefix = "sqlite:///";
        var url = config.SqlAlchemyUrl ?? "";
        if (url.StartsWith(sqlitePrefix, StringComparison.Ordinal) && url.Length > sqlitePrefix.Length)
        {
            var database = Path.GetFullPath(url[sqlitePrefix.Length..]);
            return Path.Combine(Path.GetDirectoryName(database) ?? ".", "search_index");
        }

        throw new ConfigException(
            $"No folder for the search index: set {Option} or ckan.storage_path.")
        {
            Option = Option,
        };
    }
}
