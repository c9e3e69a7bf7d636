using System.Text.Json.Nodes;
using Ckan.Core.Search;
using Ckan.Plugins.Spatial.Geometry;

namespace Ckan.Plugins.Spatial.Search;

/// <summary>
/// The default backend, ckanext-spatial's solr-bbox on the portal's own search index: each dataset's
/// bounding box is indexed as four numbers, and a search keeps the boxes meeting the query box.
/// </summary>
public sealed class IndexSpatialBackend : ISpatialSearchBackend
{
    /// <summary>The index numbers holding the bounding box, named as ckanext-spatial names its Solr fields.</summary>
    public static readonly IReadOnlyList<string> Fields = ["minx", "miny", "maxx", "maxy"];

    public Task<SearchRanking> RankAsync(BoundingBox box, CancellationToken cancellationToken)
    {
        var ranking = new NumericFieldRanking(
            Fields,
            values => OverlapScore.Compute(box, new BoundingBox(values[0], values[1], values[2], values[3])));
        return Task.FromResult<SearchRanking>(ranking);
    }

    public Task SaveAsync(
        IReadOnlyList<JsonObject> indexed,
        IReadOnlyList<string> removedIds,
        CancellationToken cancellationToken) => Task.CompletedTask;
}
