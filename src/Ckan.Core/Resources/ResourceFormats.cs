namespace Ckan.Core.Resources;

/// <summary>
/// Normalises resource formats as CKAN does: a known format, MIME type or file extension, in any case,
/// becomes its canonical label ("csv" and "text/csv" become "CSV"); anything else is kept as given.
/// </summary>
public static class ResourceFormats
{
    // Canonical label, MIME type, then other spellings that mean the same format.
    private static readonly string[][] Table =
    [
        ["CSV", "text/csv", "comma separated values"],
        ["TSV", "text/tab-separated-values", "tab separated values"],
        ["XLS", "application/vnd.ms-excel", "excel"],
        ["XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        ["ODS", "application/vnd.oasis.opendocument.spreadsheet"],
        ["JSON", "application/json"],
        ["GeoJSON", "application/geo+json", "geojson", "application/vnd.geo+json"],
        ["XML", "application/xml", "text/xml"],
        ["RDF", "application/rdf+xml"],
        ["HTML", "text/html", "htm", "web page"],
        ["TXT", "text/plain", "text"],
        ["PDF", "application/pdf"],
        ["DOC", "application/msword"],
        ["DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["ZIP", "application/zip"],
        ["GZIP", "application/gzip", "gz"],
        ["KML", "application/vnd.google-earth.kml+xml"],
        ["KMZ", "application/vnd.google-earth.kmz"],
        ["SHP", "application/x-shapefile", "esri shapefile", "shapefile"],
        ["WMS", "application/vnd.ogc.wms_xml", "wms"],
        ["WFS", "application/vnd.ogc.wfs_xml", "wfs"],
        ["PNG", "image/png"],
        ["JPEG", "image/jpeg", "jpg"],
        ["GIF", "image/gif"],
        ["TIFF", "image/tiff", "tif"],
        ["SVG", "image/svg+xml"],
        ["API", "api"],
        ["SPARQL", "application/sparql-results+xml"],
        ["Parquet", "application/vnd.apache.parquet", "parquet"],
        ["ATOM", "application/atom+xml"],
        ["RSS", "application/rss+xml"],
        ["SQL", "application/sql"],
        ["PPT", "application/vnd.ms-powerpoint"],
        ["PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
        ["ODT", "application/vnd.oasis.opendocument.text"],
        ["MDB", "application/x-msaccess"],
        ["NetCDF", "application/netcdf", "netcdf", "nc"],
        ["GPKG", "application/geopackage+sqlite3", "geopackage"],
        ["TAR", "application/x-tar"],
        ["7Z", "application/x-7z-compressed"],
        ["RAR", "application/vnd.rar"],
    ];

    private static readonly Dictionary<string, string> Lookup = BuildLookup();

    /// <summary>Returns the canonical label of a format, or the format itself trimmed when it is not known.</summary>
    public static string Normalize(string format)
    {
        var trimmed = format.Trim();
        var key = trimmed.TrimStart('.');
        return Lookup.TryGetValue(key, out var canonical) ? canonical : trimmed;
    }

    /// <summary>Guesses a format from the file extension in a URL, or returns null.</summary>
    public static string? GuessFromUrl(string url)
    {
        var path = url.Split('?', '#')[0];
        var slash = path.LastIndexOf('/');
        var fileName = slash >= 0 ? path[(slash + 1)..] : path;
        var dot = fileName.LastIndexOf('.');
        if (dot <= 0 || dot == fileName.Length - 1)
        {
            return null;
        }

        var extension = fileName[(dot + 1)..];
        return Lookup.TryGetValue(extension, out var canonical) ? canonical : null;
    }

    /// <summary>Returns the MIME type of a canonical format label, or null when it has none.</summary>
    public static string? MimeTypeOf(string format) =>
        Table.FirstOrDefault(row => string.Equals(row[0], format, StringComparison.OrdinalIgnoreCase))?[1];

    private static Dictionary<string, string> BuildLookup()
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Table)
        {
            foreach (var spelling in row)
            {
                lookup.TryAdd(spelling, row[0]);
            }
        }

        return lookup;
    }
}
