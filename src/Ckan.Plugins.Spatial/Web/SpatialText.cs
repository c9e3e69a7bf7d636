using System.Globalization;

namespace Ckan.Plugins.Spatial.Web;

/// <summary>
/// The words of the spatial maps in English and Spanish, the portal's two page languages, chosen by the
/// request's UI culture (the portal sets it from the <c>/es/</c> prefix or <c>ckan.locale_default</c>).
/// </summary>
internal static class SpatialText
{
    public static string DatasetExtent => Pick("Dataset extent", "Extensión del conjunto de datos");

    public static string DatasetExtentMap => Pick("Map of the dataset extent", "Mapa de la extensión del conjunto de datos");

    public static string FilterByLocation => Pick("Filter by location", "Filtrar por ubicación");

    public static string Clear => Pick("Clear", "Quitar");

    public static string DrawHint => Pick(
        "Press \"Draw an area\", then drag a box on the map.",
        "Pulse «Dibujar un área» y arrastre un rectángulo sobre el mapa.");

    public static string DrawArea => Pick("Draw an area", "Dibujar un área");

    private static string Pick(string english, string spanish) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? spanish : english;
}
