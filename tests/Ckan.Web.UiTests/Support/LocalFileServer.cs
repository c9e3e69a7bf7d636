using System.Net;
using System.Net.Sockets;

namespace Ckan.Web.UiTests.Support;

/// <summary>
/// A small HTTP server on a free loopback port that serves fixed files with CORS allowed, standing in for
/// another site that publishes map data.
/// </summary>
public sealed class LocalFileServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, (string ContentType, byte[] Body)> _files;
    private readonly Task _loop;

    private LocalFileServer(IReadOnlyDictionary<string, (string ContentType, byte[] Body)> files)
    {
        _files = files;
        var port = FreePort();
        Address = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Address + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    /// <summary>Starts serving the files, keyed by path such as <c>/points.geojson</c>.</summary>
    public static LocalFileServer Start(IReadOnlyDictionary<string, (string ContentType, byte[] Body)> files) =>
        new(files);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var response = context.Response;
            response.AddHeader("Access-Control-Allow-Origin", "*");
            if (_files.TryGetValue(context.Request.Url!.AbsolutePath, out var file))
            {
                response.ContentType = file.ContentType;
                response.ContentLength64 = file.Body.Length;
                await response.OutputStream.WriteAsync(file.Body);
            }
            else
            {
                response.StatusCode = 404;
            }

            response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
