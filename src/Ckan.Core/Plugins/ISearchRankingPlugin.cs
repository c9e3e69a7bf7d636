using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Search;

namespace Ckan.Core.Plugins;

/// <summary>
/// Filters and ranks package_search results by a score the query syntax cannot express, as ckanext-spatial
/// ranks by the overlap with <c>ext_bbox</c>. Runs after every <see cref="ISearchPlugin.BeforeSearch"/>.
/// </summary>
public interface ISearchRankingPlugin : ICkanPlugin
{
    /// <summary>
    /// Returns the ranking for these search parameters, or null to leave the search as it is. When several
    /// plugins return one, the last in <c>ckan.plugins</c> order applies.
    /// </summary>
    Task<SearchRanking?> RankAsync(
        ActionContext context,
        JsonObject searchParameters,
        CancellationToken cancellationToken);
}
