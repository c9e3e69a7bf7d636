using System.Text;
using System.Text.Json.Nodes;

namespace Ckan.Migration.Source;

/// <summary>
/// A CKAN portal (CKAN itself or another of ours) read through its Action API, with an optional API token.
/// </summary>
public sealed class SourcePortal : IDisposable
{
    private readonly HttpClient _client;
    private readonly string? _apiToken;

    public SourcePortal(Uri siteUrl, string? apiToken, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        if (siteUrl.Scheme != Uri.UriSchemeHttp && siteUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The source must be an http or https URL.", nameof(siteUrl));
        }

        SiteUrl = new Uri(siteUrl.AbsoluteUri.TrimEnd('/') + "/");
        _apiToken = string.IsNullOrEmpty(apiToken) ? null : apiToken;
        _client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = TimeSpan.FromMinutes(5);
    }

    /// <summary>The source's site URL, ending with a slash.</summary>
    public Uri SiteUrl { get; }

    /// <summary>Whether requests carry an API token, so private data and e-mail addresses may be visible.</summary>
    public bool HasToken => _apiToken is not null;

    /// <summary>Calls an action with a JSON body and returns the envelope's <c>result</c>.</summary>
    /// <exception cref="SourceCallException">The source reported an error or did not return JSON.</exception>
    public async Task<JsonNode?> CallAsync(string action, JsonObject data, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(SiteUrl, "api/3/action/" + action))
        {
            Content = new StringContent(data.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        AddToken(request);
        using var response = await _client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? envelope;
        try
        {
            envelope = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new SourceCallException(action, $"HTTP {(int)response.StatusCode}, not a CKAN API response");
        }

        if (envelope?["success"]?.GetValue<bool>() != true)
        {
            var error = envelope?["error"];
            var message = error?["message"]?.ToString() ?? error?.ToJsonString() ?? "no error given";
            throw new SourceCallException(action, $"HTTP {(int)response.StatusCode}, {message}");
        }

        return envelope["result"];
    }

    /// <summary>
    /// Copies a file the source serves into <paramref name="destination"/> as it arrives. The token is sent
    /// only to the source's own host, so a resource linked to another site never receives it.
    /// </summary>
    public async Task DownloadAsync(Uri url, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (IsSameOrigin(url))
        {
            AddToken(request);
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SourceCallException("download", $"HTTP {(int)response.StatusCode} for {url}");
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new SourceCallException("download", $"{url} is larger than {maxBytes} bytes");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copied += read;
            if (copied > maxBytes)
            {
                throw new SourceCallException("download", $"{url} is larger than {maxBytes} bytes");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private bool IsSameOrigin(Uri url) =>
        string.Equals(url.Scheme, SiteUrl.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.Host, SiteUrl.Host, StringComparison.OrdinalIgnoreCase)
        && url.Port == SiteUrl.Port;

    private void AddToken(HttpRequestMessage request)
    {
        if (_apiToken is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _apiToken);
        }
    }

    public void Dispose() => _client.Dispose();
}
