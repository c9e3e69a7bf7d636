using System.Text;
using Ckan.Ingest.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ckan.Ingest.Tests.Fetching;

public sealed class UrlFetcherTests : IDisposable
{
    private static readonly FetchOptions LoopbackAllowed = new() { AllowPrivateAddresses = true };

    private readonly TemporaryFiles _files = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Downloads_file_when_loopback_is_allowed()
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/data.csv", () => Results.Text("a,b\n1,2\n", "text/csv")), CancellationToken);

        using var file = await UrlFetcher.FetchAsync(
            server.Address + "/data.csv", _files.Folder, LoopbackAllowed, CancellationToken);

        Assert.Equal("a,b\n1,2\n", await File.ReadAllTextAsync(file.Path, CancellationToken));
        Assert.Equal(8, file.Length);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/data.csv")]
    [InlineData("http://localhost:9/data.csv")]
    [InlineData("http://[::1]:9/data.csv")]
    public async Task Rejects_loopback_by_default(string url)
    {
        var error = await Assert.ThrowsAsync<IngestException>(
            () => UrlFetcher.FetchAsync(url, _files.Folder, new FetchOptions(), CancellationToken));

        Assert.Contains("private or local address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_running_loopback_server_by_default()
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/data.csv", () => Results.Text("secret")), CancellationToken);

        var error = await Assert.ThrowsAsync<IngestException>(
            () => UrlFetcher.FetchAsync(server.Address + "/data.csv", _files.Folder, new FetchOptions(), CancellationToken));

        Assert.Contains("private or local address", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_files.Folder));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/data.csv", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("gopher://127.0.0.1/", "gopher")]
    public async Task Rejects_other_schemes(string url, string scheme)
    {
        var error = await Assert.ThrowsAsync<IngestException>(
            () => UrlFetcher.FetchAsync(url, _files.Folder, LoopbackAllowed, CancellationToken));

        Assert.Contains("uses the scheme " + scheme, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_declared_length_over_limit()
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/big.csv", () => Results.Text(new string('x', 2000))), CancellationToken);

        var error = await Assert.ThrowsAsync<IngestException>(() => UrlFetcher.FetchAsync(
            server.Address + "/big.csv", _files.Folder, LoopbackAllowed with { MaxBytes = 1000 }, CancellationToken));

        Assert.Contains("larger than the 1,000-byte limit", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_files.Folder));
    }

    [Fact]
    public async Task Rejects_streamed_body_over_limit()
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/chunked.csv", async (HttpContext http) =>
            {
                var chunk = Encoding.ASCII.GetBytes(new string('x', 500));
                for (var index = 0; index < 10; index++)
                {
                    await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }),
            CancellationToken);

        var error = await Assert.ThrowsAsync<IngestException>(() => UrlFetcher.FetchAsync(
            server.Address + "/chunked.csv", _files.Folder, LoopbackAllowed with { MaxBytes = 1000 }, CancellationToken));

        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_files.Folder));
    }

    [Fact]
    public async Task Times_out_on_slow_server()
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/slow.csv", async (HttpContext http) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
                return Results.Text("late");
            }),
            CancellationToken);

        var error = await Assert.ThrowsAsync<IngestException>(() => UrlFetcher.FetchAsync(
            server.Address + "/slow.csv",
            _files.Folder,
            LoopbackAllowed with { Timeout = TimeSpan.FromMilliseconds(300) },
            CancellationToken));

        Assert.Contains("timed out after 0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_error_status()
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/gone.csv", () => Results.NotFound()), CancellationToken);

        var error = await Assert.ThrowsAsync<IngestException>(() => UrlFetcher.FetchAsync(
            server.Address + "/gone.csv", _files.Folder, LoopbackAllowed, CancellationToken));

        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
