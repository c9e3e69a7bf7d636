using System.Text.Json.Nodes;
using Ckan.Core.Search;
using Ckan.Plugins.Spatial.Geometry;
using Ckan.Plugins.Spatial.Postgis;

namespace Ckan.Plugins.Spatial.Search;

/// <summary>
/// The PostGIS backend: the catalog database's <c>package_extent</c> table selects the datasets whose
/// geometry meets the query box and their overlap scores, and the search index keeps only those ids.
/// </summary>
/// <remarks>
/// The score is the same bounding-box overlap as the index backend's, so both backends order the same
/// datasets alike. NOTE: every matching id is sent to the index, so a box holding hundreds of thousands
/// of extents makes a large id table for each search.
/// </remarks>
public sealed class PostgisSpatialBackend(PackageExtentTable table) : ISpatialSearchBackend
{
    public async Task<SearchRanking> RankAsync(BoundingBox box, CancellationToken cancellationToken)
    {
        var found = await table.FindIntersectingAsync(box, cancellationToken);
        var scores = new Dictionary<string, double>(found.Count, StringComparer.Ordinal);
        foreach (var (id, extent) in found)
        {
            scores[id] = OverlapScore.Compute(box, extent);
        }

        return new IdRanking(scores);
    }

    public Task SaveAsync(
        IReadOnlyList<JsonObject> indexed,
        IReadOnlyList<string> removedIds,
        CancellationToken cancellationToken) => table.SaveAsync(indexed, removedIds, cancellationToken);
}
