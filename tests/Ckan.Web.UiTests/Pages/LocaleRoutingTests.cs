using System.Net;
using Ckan.Web.UiTests.Support;

namespace Ckan.Web.UiTests.Pages;

/// <summary>CKAN's language prefixes over plain HTTP: the default language unprefixed, the others under a prefix.</summary>
public sealed class LocaleRoutingTests
{
    [Fact]
    public async Task Default_locale_serves_unprefixed_pages()
    {
        var token = TestContext.Current.CancellationToken;
        await using var portal = await UiPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.locale_default"] = "es" }, token);
        using var client = new PageClient(portal.Address);

        var spanish = await ReadAsync(client, "/dataset", token);
        var english = await ReadAsync(client, "/en/dataset", token);

        Assert.Contains("<html lang=\"es\">", spanish, StringComparison.Ordinal);
        Assert.Contains("<h1>Conjuntos de datos</h1>", spanish, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/organization\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locale_not_offered_is_not_found()
    {
        var token = TestContext.Current.CancellationToken;
        await using var portal = await UiPortal.StartAsync(
            new Dictionary<string, string> { ["ckan.locales_offered"] = "en" }, token);
        using var client = new PageClient(portal.Address);

        using var response = await client.GetAsync("/es/dataset", token);
        var english = await ReadAsync(client, "/dataset", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Español", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_is_not_affected_by_language_prefix_rules()
    {
        var token = TestContext.Current.CancellationToken;
        await using var portal = await UiPortal.StartAsync(cancellationToken: token);
        using var client = new PageClient(portal.Address);

        using var response = await client.GetAsync("/api/3/action/no_such_action", token);
        var body = await response.Content.ReadAsStringAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<html", body, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(PageClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
