using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using Ckan.Ingest.Fetching;

namespace Ckan.DataPusher.Service.Push;

/// <summary>
/// Streams a resource file to a temporary file, hashing it on the way, within the service's size limit
/// and timeout. Only http and https are fetched. Connections to hosts other than the portal itself must
/// reach public addresses unless <see cref="ServiceSettings.AllowPrivateAddresses"/> is set, so that a
/// resource URL cannot make the service read its own network into a public DataStore table.
/// </summary>
public sealed class ResourceDownloader(ServiceSettings settings)
{
    private const int BufferSize = 81920;
    private const int MaxRedirects = 5;

    /// <summary>Downloads <paramref name="url"/>, calling <paramref name="prepare"/> on the request first.</summary>
    /// <exception cref="JobException">The URL is not http or https, the host is not allowed, the server
    /// returns an error status, the file is over the limit, or the download times out.</exception>
    public async Task<DownloadedFile> DownloadAsync(
        string url,
        Uri trustedHost,
        Action<HttpRequestMessage>? prepare,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trustedHost);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new JobException($"Only http and https resources may be fetched; the resource URL is \"{url}\".");
        }

        Directory.CreateDirectory(settings.TempFolder);
        var path = System.IO.Path.Combine(settings.TempFolder, Guid.NewGuid().ToString("N") + ".download");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.DownloadTimeout);
        try
        {
            using var client = CreateClient(trustedHost);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            prepare?.Invoke(request);
            using var response = await client.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await CheckResponseAsync(url, response, timeout.Token);
            var (length, md5) = await SpoolAsync(response, path, timeout.Token);
            return new DownloadedFile(path, length, md5, response.Content.Headers.ContentType?.MediaType);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            File.Delete(path);
            throw new JobException(
                $"Downloading {url} timed out after {settings.DownloadTimeout.TotalSeconds:0} s "
                + "(DATAPUSHER_DOWNLOAD_TIMEOUT).");
        }
        catch (HttpRequestException error)
        {
            File.Delete(path);
            throw error.InnerException as JobException
                ?? new JobException($"Downloading {url} failed: {error.Message}", error);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private HttpClient CreateClient(Uri trustedHost)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            ConnectCallback = (context, token) => ConnectAsync(context, trustedHost, token),
        };
        if (!settings.SslVerify)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            };
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        Uri trustedHost,
        CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var host = endPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var isPortal = string.Equals(host, trustedHost.IdnHost, StringComparison.OrdinalIgnoreCase)
            && endPoint.Port == trustedHost.Port;
        if (!isPortal && !settings.AllowPrivateAddresses
            && Array.Find(addresses, address => !AddressPolicy.IsPublic(address)) is { } blocked)
        {
            throw new JobException(
                $"The host {host} resolves to {blocked}, a private or local address, which the DataPusher does "
                + "not fetch from. Publish the file on a public server, upload it to the portal, or set "
                + "DATAPUSHER_ALLOW_PRIVATE_ADDRESSES=true on the service.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task CheckResponseAsync(string url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new JobException(
                $"Downloading {url} failed with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.",
                (int)response.StatusCode,
                url,
                body);
        }

        if (response.Content.Headers.ContentLength is { } length && length > settings.MaxContentLength)
        {
            throw TooLarge(length);
        }
    }

    private async Task<(long Length, string Md5)> SpoolAsync(
        HttpResponseMessage response,
        string path,
        CancellationToken cancellationToken)
    {
        await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var output = new FileStream(
            path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[BufferSize];
        long length = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (length > settings.MaxContentLength)
            {
                throw TooLarge(length);
            }

            md5.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (length, Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    private JobException TooLarge(long length) => new(
        string.Create(CultureInfo.InvariantCulture, $"Resource too large to download/process: {length} > max ")
        + string.Create(CultureInfo.InvariantCulture, $"({settings.MaxContentLength}). ")
        + "Raise DATAPUSHER_MAX_CONTENT_LENGTH on the service to load it.");
}
