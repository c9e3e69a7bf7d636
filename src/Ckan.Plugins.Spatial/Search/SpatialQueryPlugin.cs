using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Errors;
using Ckan.Core.Plugins;
using Ckan.Core.Search;
using Ckan.Plugins.Spatial.Geometry;
using Ckan.Plugins.Spatial.Postgis;
using Ckan.Plugins.Spatial.Validation;
using Ckan.Plugins.Spatial.Web;
using Ckan.Storage.Postgres;
using Ckan.Web.Plugins;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Routing;

namespace Ckan.Plugins.Spatial.Search;

/// <summary>
/// ckanext-spatial's spatial_query: indexes each dataset's bounding box and lets package_search keep the
/// datasets meeting <c>ext_bbox=minx,miny,maxx,maxy</c>, ranked by overlap, and adds a map to the search
/// page on which to draw that box.
/// </summary>
/// <remarks>Not sealed: the <c>ckan</c> command extends it with <c>ckan spatial initdb</c>.</remarks>
[CkanPlugin("spatial_query")]
public class SpatialQueryPlugin
    : IConfigDeclarationsPlugin, IConfigurablePlugin, IIndexPlugin, ISearchRankingPlugin, IWebPlugin
{
    /// <summary>The option choosing the backend, as ckanext-spatial names it.</summary>
    public const string BackendOption = "ckanext.spatial.search_backend";

    /// <summary>The search parameter holding the query box.</summary>
    public const string BoundingBoxParameter = "ext_bbox";

    private ISpatialSearchBackend _backend = new IndexSpatialBackend();
    private CkanConfig? _config;

    public IReadOnlyList<ConfigDeclaration> ConfigDeclarations { get; } =
    [
        new(BackendOption, SpatialBackendNames.SolrBoundingBox,
            "Where bounding-box searches run: solr-bbox (the search index) or postgis (the catalog database)."),
    ];

    public IReadOnlyList<StaticFolder> StaticFolders => SpatialMapAssets.StaticFolders;

    /// <summary>The table of the PostGIS backend, or null when the catalog is not on PostgreSQL.</summary>
    protected PackageExtentTable? ExtentTable { get; private set; }

    /// <summary>
    /// Chooses the backend. Raises <see cref="ConfigException"/> for an unknown backend name, for
    /// solr-spatial-field, and for postgis without a PostgreSQL catalog.
    /// </summary>
    public void Configure(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        var catalogUrl = config.SqlAlchemyUrl;
        ExtentTable = catalogUrl is not null && PostgresUrl.IsPostgres(catalogUrl)
            ? new PackageExtentTable(PostgresUrl.ToConnectionString(catalogUrl))
            : null;

        var name = SpatialBackendNames.Resolve(config.GetString(BackendOption, SpatialBackendNames.SolrBoundingBox));
        if (name != SpatialBackendNames.Postgis)
        {
            _backend = new IndexSpatialBackend();
            return;
        }

        _backend = ExtentTable is not null
            ? new PostgisSpatialBackend(ExtentTable)
            : throw new ConfigException(
                $"{BackendOption} = postgis needs the catalog on PostgreSQL (sqlalchemy.url = postgresql://...); "
                + "use solr-bbox with another catalog.");
    }

    /// <summary>Indexes the dataset's bounding box, when its <c>spatial</c> value is a valid geometry.</summary>
    public void BeforeIndex(JsonObject dataset, IndexDocumentFields fields)
    {
        if (SpatialExtraReader.Read(dataset) is not { } text || SpatialValue.Parse(text).Geometry is not { } geometry)
        {
            return;
        }

        var extent = SpatialValue.Extent(geometry);
        fields.SetNumber(IndexSpatialBackend.Fields[0], extent.MinX);
        fields.SetNumber(IndexSpatialBackend.Fields[1], extent.MinY);
        fields.SetNumber(IndexSpatialBackend.Fields[2], extent.MaxX);
        fields.SetNumber(IndexSpatialBackend.Fields[3], extent.MaxY);
    }

    public Task AfterIndexAsync(
        IReadOnlyList<JsonObject> indexed,
        IReadOnlyList<string> removedIds,
        CancellationToken cancellationToken) => _backend.SaveAsync(indexed, removedIds, cancellationToken);

    /// <summary>
    /// Returns the overlap ranking for <c>ext_bbox</c>, or null without one. Raises CKAN's "Search error:
    /// Wrong bounding box provided" for a value that is not four numbers, as ckanext-spatial does.
    /// <c>ext_prev_extent</c>, the map view the search page last showed, only serves the page.
    /// </summary>
    public async Task<SearchRanking?> RankAsync(
        ActionContext context,
        JsonObject searchParameters,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(searchParameters);

        // A JSON body may give the box as a list of four numbers, which ckanext-spatial accepts too.
        var value = searchParameters[BoundingBoxParameter];
        var text = value is JsonArray list
            ? string.Join(',', list.Select(item => item?.ToString()))
            : value?.ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (BoundingBox.Parse(text) is not { } box)
        {
            throw new SearchException("Wrong bounding box provided");
        }

        return await _backend.RankAsync(box.WithWesternEdgeInRange(), cancellationToken);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public IHtmlContent? RenderSnippet(PageSnippetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Place == PageSnippetPlaces.SearchSidebar
            ? SpatialMapAssets.RenderSearchMap(request.HttpContext, SpatialMapAssets.MapOptions.From(_config))
            : null;
    }
}
