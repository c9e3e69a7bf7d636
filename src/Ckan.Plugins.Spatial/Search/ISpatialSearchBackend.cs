using System.Text.Json.Nodes;
using Ckan.Core.Search;
using Ckan.Plugins.Spatial.Geometry;

namespace Ckan.Plugins.Spatial.Search;

/// <summary>Where a bounding-box search finds the datasets' extents: the search index or PostGIS.</summary>
public interface ISpatialSearchBackend
{
    /// <summary>Returns the ranking that keeps the datasets meeting <paramref name="box"/>, by overlap.</summary>
    Task<SearchRanking> RankAsync(BoundingBox box, CancellationToken cancellationToken);

    /// <summary>Keeps the backend's own copy of the extents in step with the search index.</summary>
    Task SaveAsync(IReadOnlyList<JsonObject> indexed, IReadOnlyList<string> removedIds, CancellationToken cancellationToken);
}
