using System.Net;
using System.Text.RegularExpressions;

namespace Ckan.Web.UiTests.Support;

/// <summary>
/// An HTTP client for the pages that keeps cookies and does not follow redirects, with a helper that
/// reads a form's anti-forgery token, for tests of the pages' security without a browser.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private readonly HttpClient _client;

    public PageClient(string address)
    {
        var handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        _client = new HttpClient(handler) { BaseAddress = new Uri(address) };
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Sends a GET and returns the response.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken) =>
        _client.GetAsync(path, cancellationToken);

    /// <summary>Posts form fields and returns the response.</summary>
    public Task<HttpResponseMessage> PostFormAsync(
        string path,
        IReadOnlyDictionary<string, string> fields,
        CancellationToken cancellationToken) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields), cancellationToken);

    /// <summary>Loads a page and returns the anti-forgery token of its first form that has one.</summary>
    public async Task<string> GetFormTokenAsync(string path, CancellationToken cancellationToken)
    {
        var html = await _client.GetStringAsync(path, cancellationToken);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"The page {path} has no form with an anti-forgery token.");
        return match.Groups[1].Value;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
