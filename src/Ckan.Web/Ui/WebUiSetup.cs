using Ckan.Core.Config;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Ckan.Web.Ui;

/// <summary>Adds the server-rendered web pages to the portal: services, then the request pipeline.</summary>
public static class WebUiSetup
{
    /// <summary>The name of the login cookie.</summary>
    public const string LoginCookieName = "ckan";

    /// <summary>Registers Razor Pages, localization, cookie login and the page helpers.</summary>
    public static void AddWebUi(this WebApplicationBuilder builder, CkanConfig config)
    {
        var services = builder.Services;
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services
            .AddRazorPages(options => options.Conventions.ConfigureFilter(new ActionErrorPageFilter()))
            .AddApplicationPart(typeof(WebUiSetup).Assembly)
            .AddViewLocalization();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(
            options => options.ModelMetadataDetailsProviders.Add(new EmptyStringMetadataProvider()));
        services.AddHttpContextAccessor();
        services.AddSingleton(new UiLocales(config));
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ActionRunner>();
        services.AddScoped<UiFormat>();
        services.AddSingleton<LoginService>();

        var keys = DataProtectionKeyFolder(config);
        var protection = services.AddDataProtection().SetApplicationName("ckan-" + config.SiteId);
        if (keys is not null)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = LoginCookieName;

                // Without a fixed path the cookie would follow the language prefix (/es), so logging out in
                // one language would leave the login of another in place.
                options.Cookie.Path = "/";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = config.SiteUrl.StartsWith("https://", StringComparison.Ordinal)
                    ? CookieSecurePolicy.Always
                    : CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/user/login";
                options.ReturnUrlParameter = "came_from";
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                options.SlidingExpiration = true;
            });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ckan_csrf";
            options.Cookie.Path = "/";
        });
    }

    /// <summary>
    /// Adds the pipeline of the pages: language prefix, assets, error pages for everything outside
    /// <c>/api</c>, login cookie and the page routes.
    /// </summary>
    public static void UseWebUi(this WebApplication app)
    {
        app.UseMiddleware<LocaleMiddleware>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebUiSetup).Assembly, "Ckan.Web.wwwroot"),
            OnPrepareResponse = asset => asset.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseWhen(
            http => !http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal),
            pages =>
            {
                pages.UseExceptionHandler("/error/500");
                pages.UseStatusCodePagesWithReExecute("/error/{0}");
            });
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CkanUserMiddleware>();
        app.UseAuthorization();
        app.MapRazorPages();
    }

    // The key ring that protects login cookies and anti-forgery tokens is kept beside the catalog's files,
    // so logins survive a restart. Without a storage folder, the keys are kept in memory.
    private static string? DataProtectionKeyFolder(CkanConfig config)
    {
        var root = config.StoragePath ?? config.DataDirectory;
        return root is null ? null : Path.Combine(root, "web_keys");
    }
}
