using Ckan.Core.Config;

namespace Ckan.Plugins.Spatial.Search;

/// <summary>The values of <c>ckanext.spatial.search_backend</c>.</summary>
public static class SpatialBackendNames
{
    /// <summary>Bounding boxes in the search index; ckanext-spatial's default.</summary>
    public const string SolrBoundingBox = "solr-bbox";

    /// <summary>The package_extent table in the PostgreSQL catalog.</summary>
    public const string Postgis = "postgis";

    /// <summary>
    /// Returns the backend a configured name selects. "solr", ckanext-spatial's former name of solr-bbox, is
    /// accepted. Raises <see cref="ConfigException"/> for solr-spatial-field, which needs Solr's spatial
    /// field type, and for unknown names.
    /// </summary>
    public static string Resolve(string name) => name.Trim() switch
    {
        SolrBoundingBox or "solr" or "" => SolrBoundingBox,
        Postgis => Postgis,
        "solr-spatial-field" => throw new ConfigException(
            "ckanext.spatial.search_backend = solr-spatial-field is not supported: it needs Solr's spatial field "
            + "type. Use solr-bbox, which matches bounding boxes, or postgis, which matches the geometries."),
        _ => throw new ConfigException(
            $"Unknown ckanext.spatial.search_backend \"{name}\". Allowed values: solr-bbox, postgis."),
    };
}
