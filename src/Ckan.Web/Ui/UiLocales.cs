using System.Globalization;
using Ckan.Core.Config;

namespace Ckan.Web.Ui;

/// <summary>
/// The languages the pages are offered in and the default one (<c>ckan.locale_default</c>). As in CKAN,
/// the default language has no URL prefix and every other one is served under <c>/&lt;locale&gt;/</c>.
/// </summary>
public sealed class UiLocales
{
    /// <summary>The languages with a translation of every page string.</summary>
    public static readonly IReadOnlyList<string> Translated = ["en", "es"];

    public UiLocales(CkanConfig config)
    {
        var offered = config.GetList("ckan.locales_offered");
        Offered = offered.Count == 0
            ? Translated
            : Translated.Where(locale => offered.Contains(locale, StringComparer.Ordinal)).ToList();
        Default = Translated.Contains(config.LocaleDefault, StringComparer.Ordinal) ? config.LocaleDefault : "en";
        if (!Offered.Contains(Default, StringComparer.Ordinal))
        {
            Offered = [Default, .. Offered];
        }
    }

    /// <summary>The offered locales, in the order the language switcher lists them.</summary>
    public IReadOnlyList<string> Offered { get; }

    /// <summary>The locale of URLs without a prefix.</summary>
    public string Default { get; }

    /// <summary>Returns the path prefix of a locale: empty for the default, else <c>/es</c> and so on.</summary>
    public string PathPrefix(string locale) =>
        string.Equals(locale, Default, StringComparison.Ordinal) ? "" : "/" + locale;

    /// <summary>Returns the language's own name, which the switcher shows whatever the page language is.</summary>
    public static string NativeName(string locale) => locale switch
    {
        "es" => "Español",
        _ => "English",
    };

    /// <summary>
    /// Returns the culture that formats dates and numbers for the locale. A runtime built with invariant
    /// globalization has no culture data, so it gets the invariant culture.
    /// </summary>
    public static CultureInfo Culture(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
