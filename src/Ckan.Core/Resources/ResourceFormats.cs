namespace Ckan.Core.Resources;

/// <summary>
/// Normalizes resource formats as CKAN does: a known format name, description, MIME type or alternative
/// spelling, in any case, becomes its canonical label ("csv" and "text/csv" become "CSV"); anything else,
/// such as "tif" or ".pdf", is kept as given.
/// </summary>
public static class ResourceFormats
{
    // Each row: the canonical label, a human description, the MIME type (or null), then other spellings.
    // Every entry matches case-insensitively; the facts are those of CKAN 2.11's resource format list.
    private static readonly string?[][] Table =
    [
        ["PPTX", "Powerpoint OOXML Presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
        ["EXE", "Windows Executable Program", "application/x-msdownload"],
        ["DOC", "Word Document", "application/msword"],
        ["KML", "KML File", "application/vnd.google-earth.kml+xml"],
        ["XLS", "Excel Document", "application/vnd.ms-excel", "Excel", "application/msexcel",
            "application/x-msexcel", "application/x-ms-excel", "application/x-excel", "application/x-dos_ms_excel",
            "application/xls", "application/x-xls"],
        ["WCS", "Web Coverage Service", "wcs"],
        ["JS", "JavaScript", "application/x-javascript"],
        ["MDB", "Access Database", "application/x-msaccess"],
        ["NetCDF", "NetCDF File", "application/netcdf"],
        ["ArcGIS Map Service", "ArcGIS Map Service", "ArcGIS Map Service", "arcgis map service"],
        ["TSV", "Tab Separated Values File", "text/tab-separated-values", "text/tsv"],
        ["WFS", "Web Feature Service", null],
        ["ArcGIS Online Map", "ArcGIS Online Map", "ArcGIS Online Map", "web map application"],
        ["Perl", "Perl Script", "text/x-perl"],
        ["KMZ", "KMZ File", "application/vnd.google-earth.kmz+xml", "application/vnd.google-earth.kmz"],
        ["OWL", "Web Ontology Language", "application/owl+xml"],
        ["N3", "N3 Triples", "application/x-n3"],
        ["ZIP", "Zip File", "application/zip", "zip", "http://purl.org/NET/mediatypes/application/zip"],
        ["GZ", "Gzip File", "application/gzip", "application/x-gzip"],
        ["QGIS", "QGIS File", "application/x-qgis"],
        ["ODS", "OpenDocument Spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"],
        ["ODT", "OpenDocument Text", "application/vnd.oasis.opendocument.text"],
        ["JSON", "JavaScript Object Notation", "application/json"],
        ["BMP", "Bitmap Image File", "image/x-ms-bmp"],
        ["HTML", "Web Page", "text/html", "htm", "http://purl.org/net/mediatypes/text/html"],
        ["RAR", "RAR Compressed File", "application/rar"],
        ["TIFF", "TIFF Image File", "image/tiff"],
        ["ODB", "OpenDocument Database", "application/vnd.oasis.opendocument.database"],
        ["TXT", "Text File", "text/plain"],
        ["DCR", "Adobe Shockwave format", "application/x-director"],
        ["ODF", "OpenDocument Math Formula", "application/vnd.oasis.opendocument.formula"],
        ["ODG", "OpenDocument Image", "application/vnd.oasis.opendocument.graphics"],
        ["XML", "XML File", "application/xml", "text/xml", "http://purl.org/net/mediatypes/application/xml"],
        ["XLSX", "Excel OOXML Spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        ["DOCX", "Word OOXML Document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["BIN", "Binary Data", "application/octet-stream", "bin"],
        ["XSLT", "Extensible Stylesheet Language Transformations", "application/xslt+xml"],
        ["WMS", "Web Mapping Service", "WMS", "wms"],
        ["SVG", "SVG vector image", "image/svg+xml", "svg"],
        ["PPT", "Powerpoint Presentation", "application/vnd.ms-powerpoint"],
        ["ODP", "OpenDocument Presentation", "application/vnd.oasis.opendocument.presentation"],
        ["JPEG", "JPG Image File", "image/jpeg", "jpeg", "jpg"],
        ["SPARQL", "SPARQL end-point", "application/sparql-results+xml"],
        ["GIF", "GIF Image File", "image/gif"],
        ["RDF", "RDF", "application/rdf+xml", "rdf/xml"],
        ["E00", " ARC/INFO interchange file format", "application/x-e00"],
        ["PDF", "PDF File", "application/pdf"],
        ["CSV", "Comma Separated Values File", "text/csv", "text/comma-separated-values"],
        ["ODC", "OpenDocument Chart", "application/vnd.oasis.opendocument.chart"],
        ["Atom Feed", "Atom Feed", "application/atom+xml"],
        ["MrSID", "MrSID", "image/x-mrsid"],
        ["ArcGIS Map Preview", "ArcGIS Map Preview", "ArcGIS Map Preview", "arcgis map preview"],
        ["XYZ", "XYZ Chemical File", "chemical/x-xyz"],
        ["MOP", "MOPAC Input format", "chemical/x-mopac-input"],
        ["Esri REST", "Esri Rest API Endpoint", "Esri REST", "arcgis_rest"],
        ["dBase", "dBase Database", "application/x-dbf", "dbf"],
        ["MXD", "ESRI ArcGIS project file", "application/x-mxd"],
        ["TAR", "TAR Compressed File", "application/x-tar"],
        ["PNG", "PNG Image File", "image/png"],
        ["RSS", "RSS feed", "application/rss+xml"],
        ["GeoJSON", "Geographic JavaScript Object Notation", null],
        ["SHP", "Shapefile", null, "esri shapefile"],
    ];

    // File extensions whose MIME type is known, mapped to the extension CKAN's guess produces from it.
    private static readonly Dictionary<string, string> GuessableExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csv"] = "csv", ["tsv"] = "tsv", ["xls"] = "xls", ["xlsx"] = "xlsx", ["json"] = "json", ["xml"] = "xml",
        ["pdf"] = "pdf", ["zip"] = "zip", ["html"] = "html", ["htm"] = "html", ["txt"] = "txt", ["doc"] = "doc",
        ["docx"] = "docx", ["ppt"] = "ppt", ["pptx"] = "pptx", ["png"] = "png", ["gif"] = "gif", ["jpg"] = "jpg",
        ["jpeg"] = "jpg", ["tif"] = "tiff", ["tiff"] = "tiff", ["svg"] = "svg", ["kml"] = "kml", ["kmz"] = "kmz",
        ["rdf"] = "rdf", ["gz"] = "gz", ["tar"] = "tar", ["ods"] = "ods", ["odt"] = "odt", ["rss"] = "rss",
        ["bmp"] = "bmp", ["js"] = "js",
    };

    private static readonly Dictionary<string, string> Lookup = BuildLookup();

    /// <summary>Returns the canonical label of a format, or the format itself trimmed when it is not known.</summary>
    public static string Normalize(string format)
    {
        var trimmed = format.Trim();
        return Lookup.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
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
        return GuessableExtensions.TryGetValue(extension, out var guessed) ? Normalize(guessed) : null;
    }

    /// <summary>Returns the MIME type of a canonical format label, or null when it has none.</summary>
    public static string? MimeTypeOf(string format) =>
        Table.FirstOrDefault(row => string.Equals(row[0], format, StringComparison.OrdinalIgnoreCase))?[2];

    private static Dictionary<string, string> BuildLookup()
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Table)
        {
            foreach (var spelling in row)
            {
                if (spelling is not null)
                {
                    lookup.TryAdd(spelling, row[0]!);
                }
            }
        }

        return lookup;
    }
}
