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
        ["ArcGIS Map Preview", "ArcGIS Map Preview", "ArcGIS Map Preview", "arcgis map preview"],
        ["ArcGIS Map Service", "ArcGIS Map Service", "ArcGIS Map Service", "arcgis map service"],
        ["ArcGIS Online Map", "ArcGIS Online Map", "ArcGIS Online Map", "web map application"],
        ["Atom Feed", "Atom Feed", "application/atom+xml"],
        ["BIN", "Binary Data", "application/octet-stream", "bin"],
        ["BMP", "Bitmap Image File", "image/x-ms-bmp"],
        ["CSV", "Comma Separated Values File", "text/csv", "text/comma-separated-values"],
        ["DCR", "Adobe Shockwave format", "application/x-director"],
        ["dBase", "dBase Database", "application/x-dbf", "dbf"],
        ["DOC", "Word Document", "application/msword"],
        ["DOCM", "Word OOXML - Macro Enabled", "application/vnd.ms-word.document.macroEnabled.12"],
        ["DOCX", "Word OOXML Document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["DOTM", "Word OOXML Template - Macro Enabled", "application/vnd.ms-word.template.macroEnabled.12"],
        ["DOTX", "Word OOXML - Template", "application/vnd.openxmlformats-officedocument.wordprocessingml.template"],
        ["Esri REST", "Esri Rest API Endpoint", "Esri REST", "arcgis_rest"],
        ["EXE", "Windows Executable Program", "application/x-msdownload"],
        ["E00", " ARC/INFO interchange file format", "application/x-e00"],
        ["GeoJSON", "Geographic JavaScript Object Notation", "application/geo+json", "geojson"],
        ["GIF", "GIF Image File", "image/gif"],
        ["GTFS", "General Transit Feed Specification", null],
        ["GZ", "Gzip File", "application/gzip", "application/x-gzip"],
        ["HTML", "Web Page", "text/html", "htm", "http://purl.org/net/mediatypes/text/html"],
        ["ICS", "iCalendar", "text/calendar", "ifb", "iCal"],
        ["JPEG", "JPG Image File", "image/jpeg", "jpeg", "jpg"],
        ["JS", "JavaScript", "application/x-javascript"],
        ["JSON", "JavaScript Object Notation", "application/json"],
        ["KML", "KML File", "application/vnd.google-earth.kml+xml"],
        ["KMZ", "KMZ File", "application/vnd.google-earth.kmz+xml", "application/vnd.google-earth.kmz"],
        ["MDB", "Access Database", "application/x-msaccess"],
        ["MOP", "MOPAC Input format", "chemical/x-mopac-input"],
        ["MP3", "MPEG-1 Audio Layer-3", "audio/mpeg", "audio/mpeg3", "audio/x-mpeg-3", "video/mpeg", "video/x-mpeg"],
        ["MP4", "MPEG Video File", "video/mp4", "application/mp4"],
        ["MrSID", "MrSID", "image/x-mrsid"],
        ["MXD", "ESRI ArcGIS project file", "application/x-mxd"],
        ["NetCDF", "NetCDF File", "application/netcdf"],
        ["N3", "N3 Triples", "application/x-n3"],
        ["OGG", "Ogg Vorbis Audio File", "audio/ogg"],
        ["ODB", "OpenDocument Database", "application/vnd.oasis.opendocument.database"],
        ["ODC", "OpenDocument Chart", "application/vnd.oasis.opendocument.chart"],
        ["ODF", "OpenDocument Math Formula", "application/vnd.oasis.opendocument.formula"],
        ["ODG", "OpenDocument Image", "application/vnd.oasis.opendocument.graphics"],
        ["OWL", "Web Ontology Language", "application/owl+xml"],
        ["ODP", "OpenDocument Presentation", "application/vnd.oasis.opendocument.presentation"],
        ["ODS", "OpenDocument Spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"],
        ["ODT", "OpenDocument Text", "application/vnd.oasis.opendocument.text"],
        ["PDF", "PDF File", "application/pdf"],
        ["Perl", "Perl Script", "text/x-perl"],
        ["PNG", "PNG Image File", "image/png"],
        ["POTM", "PowerPoint Open XML -\u00a0Macro-Enabled Template",
            "application/vnd.ms-powerpoint.template.macroEnabled.12"],
        ["POTX", "PowerPoint OOXML Presentation - Template",
            "application/vnd.openxmlformats-officedocument.presentationml.template"],
        ["PPAM", "PowerPoint Open XML -\u00a0Macro-Enabled Add-In",
            "application/vnd.ms-powerpoint.addin.macroEnabled.12"],
        ["PPT", "Powerpoint Presentation", "application/vnd.ms-powerpoint"],
        ["PPTM", "PowerPoint Open XML -\u00a0Macro-Enabled",
            "application/vnd.ms-powerpoint.presentation.macroEnabled.12"],
        ["PPTX", "Powerpoint OOXML Presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
        ["PPSM", "PowerPoint Open XML -\u00a0Macro-Enabled Slide Show",
            "application/vnd.ms-powerpoint.slideshow.macroEnabled.12"],
        ["PPSX", "PowerPoint Open XML - Slide Show",
            "application/vnd.openxmlformats-officedocument.presentationml.slideshow"],
        ["QGIS", "QGIS File", "application/x-qgis"],
        ["RAR", "RAR Compressed File", "application/rar"],
        ["RDF", "RDF", "application/rdf+xml", "rdf/xml"],
        ["RSS", "RSS feed", "application/rss+xml"],
        ["SHP", "Shapefile", null, "esri shapefile"],
        ["SPARQL", "SPARQL end-point", "application/sparql-results+xml"],
        ["SVG", "SVG vector image", "image/svg+xml", "svg"],
        ["TAR", "TAR Compressed File", "application/x-tar"],
        ["TIFF", "TIFF Image File", "image/tiff"],
        ["TORRENT", "Torrent", "application/x-bittorrent", "bittorrent"],
        ["TSV", "Tab Separated Values File", "text/tab-separated-values", "text/tsv"],
        ["TXT", "Text File", "text/plain"],
        ["WAV", "Wave file", "audio/x-wav", "audio/wav"],
        ["WCS", "Web Coverage Service", "wcs"],
        ["WebM", "WEBM video", "video/webm"],
        ["WFS", "Web Feature Service", null],
        ["WMS", "Web Mapping Service", "WMS", "wms"],
        ["WMTS", "Web Map Tile Service", null],
        ["XLAM", "Excel OOXML Spreadsheet - Macro-Enabled Add-In", "application/vnd.ms-excel.addin.macroEnabled.12"],
        ["XLS", "Excel Document", "application/vnd.ms-excel", "Excel", "application/msexcel",
            "application/x-msexcel", "application/x-ms-excel", "application/x-excel", "application/x-dos_ms_excel",
            "application/xls", "application/x-xls"],
        ["XLSB", "Excel OOXML Spreadsheet - Binary Workbook",
            "application/vnd.ms-excel.sheet.binary.macroEnabled.12"],
        ["XLSM", "Excel OOXML Spreadsheet - Macro-Enabled", "application/vnd.ms-excel.sheet.macroEnabled.12"],
        ["XLSX", "Excel OOXML Spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        ["XLTM", "Excel OOXML Spreadsheet - Macro-Enabled Template",
            "application/vnd.ms-excel.template.macroEnabled.12"],
        ["XLTX", "Excel OOXML Spreadsheet - Template",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.template"],
        ["XML", "XML File", "application/xml", "text/xml", "http://purl.org/net/mediatypes/application/xml"],
        ["XSLT", "Extensible Stylesheet Language Transformations", "application/xslt+xml"],
        ["XYZ", "XYZ Chemical File", "chemical/x-xyz"],
        ["ZIP", "Zip File", "application/zip", "zip", "http://purl.org/NET/mediatypes/application/zip"],
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
        // Only the path can name a file: "https://example.zip" is a host, not a ZIP file.
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1
            ? absolute.AbsolutePath
            : url.Split('?', '#')[0];
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
