using System.Net;
using System.Net.Sockets;

namespace Ckan.Ingest.Fetching;

/// <summary>
/// Downloads a resource URL to a temporary file for ingest, streaming it to disk. Only http and https
/// are fetched; every connection, redirects included, is checked against <see cref="AddressPolicy"/>
/// after name resolution, so a host name cannot lead to a private address. No proxy is used.
/// </summary>
public static class UrlFetcher
{
    private const int BufferSize = 81920;
    private const int MaxRedirects = 5;

    /// <summary>Downloads <paramref name="url"/> into <paramref name="folder"/>.</summary>
    /// <exception cref="IngestException">The URL is not http or https, points at a non-public address
    /// (unless allowed), answers with an error status, is longer than the limit, or times out.</exception>
    public static async Task<FetchedFile> FetchAsync(
        string url,
        string folder,
        FetchOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(options);

        var uri = ValidateUrl(url);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".download");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var client = CreateClient(options);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            CheckResponse(url, response, options);
            var length = await CopyLimitedAsync(url, response, path, options.MaxBytes, timeout.Token);
            return new FetchedFile(path, length);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            File.Delete(path);
            throw new IngestException(
                $"Fetching {url} timed out after {options.Timeout.TotalSeconds:0.#} s. " +
                "Check that the server answers, or upload the file instead.");
        }
        catch (HttpRequestException error)
        {
            File.Delete(path);
            throw error.InnerException as IngestException
                ?? new IngestException($"Fetching {url} failed: {error.Message}", error);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static Uri ValidateUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new IngestException($"The resource URL \"{url}\" is not an absolute URL.");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new IngestException(
                $"The resource URL {url} uses the scheme {uri.Scheme}; only http and https URLs can be fetched.");
        }

        return uri;
    }

    private static HttpClient CreateClient(FetchOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            ConnectCallback = (context, token) => ConnectAsync(context, options, token),
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        FetchOptions options,
        CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!options.AllowPrivateAddresses && Array.Find(addresses, address => !AddressPolicy.IsPublic(address)) is { } blocked)
        {
            throw new IngestException(
                $"The host {host} resolves to {blocked}, a private or local address, which ingest does not " +
                "fetch. Publish the file on a public server or upload it.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void CheckResponse(string url, HttpResponseMessage response, FetchOptions options)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new IngestException(
                $"Fetching {url} failed with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        if (response.Content.Headers.ContentLength > options.MaxBytes)
        {
            throw TooLarge(url, options.MaxBytes);
        }
    }

    private static async Task<long> CopyLimitedAsync(
        string url,
        HttpResponseMessage response,
        string path,
        long maxBytes,
        CancellationToken cancellationToken)
    {
        await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var output = new FileStream(
            path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long length = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (length > maxBytes)
            {
                throw TooLarge(url, maxBytes);
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return length;
    }

    private static IngestException TooLarge(string url, long maxBytes) => new(
        $"The file at {url} is larger than the {maxBytes:N0}-byte limit for ingest. " +
        "Raise ckan.max_resource_size or load a smaller file.");
}
