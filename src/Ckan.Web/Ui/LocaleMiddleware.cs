using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Ui;

/// <summary>
/// Picks the page language from CKAN's URL prefix (<c>/es/dataset</c>) and moves the prefix into the
/// request's path base, so routes match <c>/dataset</c> and every generated link keeps the prefix.
/// </summary>
public sealed class LocaleMiddleware(RequestDelegate next, UiLocales locales)
{
    private const string ItemKey = "ckan.locale";
    private const string BaseKey = "ckan.locale_base";

    public Task InvokeAsync(HttpContext http)
    {
        var locale = locales.Default;
        var path = http.Request.Path;
        http.Items[BaseKey] = http.Request.PathBase.Value ?? "";
        foreach (var offered in locales.Offered)
        {
            if (path.StartsWithSegments("/" + offered, StringComparison.Ordinal, out var rest))
            {
                locale = offered;
                http.Request.PathBase = http.Request.PathBase.Add("/" + offered);
                http.Request.Path = rest.HasValue ? rest : "/";
                break;
            }
        }

        http.Items[ItemKey] = locale;
        var culture = UiLocales.Culture(locale);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return next(http);
    }

    /// <summary>Returns the locale of the request.</summary>
    public static string GetLocale(HttpContext http) => http.Items[ItemKey] as string ?? "en";

    /// <summary>Returns the request's path base without the locale prefix.</summary>
    public static string GetBaseWithoutLocale(HttpContext http) => http.Items[BaseKey] as string ?? "";
}
