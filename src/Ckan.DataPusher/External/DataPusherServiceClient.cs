using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.DataPusher.External;

/// <summary>
/// Talks to an external DataPusher service over its job API: posts jobs and reads them back. Thread safe;
/// one instance per portal.
/// </summary>
public sealed class DataPusherServiceClient(HttpClient http, ExternalDataPusherOptions options)
{
    /// <summary>The settings the client was made with.</summary>
    public ExternalDataPusherOptions Options { get; } = options;

    /// <summary>Posts a job and returns the service's response.</summary>
    /// <exception cref="DataPusherConnectionException">The service could not be reached or timed out.</exception>
    public async Task<ServiceReply> PostJobAsync(JsonObject job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var request = new HttpRequestMessage(HttpMethod.Post, Options.JobUrl)
        {
            Content = new StringContent(job.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>Reads a job with its key in the <c>Authorization</c> header.</summary>
    /// <exception cref="DataPusherConnectionException">The service could not be reached or timed out.</exception>
    public async Task<ServiceReply> GetJobAsync(string jobId, string? jobKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Options.JobUrlOf(jobId));
        if (!string.IsNullOrEmpty(jobKey))
        {
            request.Headers.TryAddWithoutValidation("Authorization", jobKey);
        }

        return await SendAsync(request, cancellationToken);
    }

    /// <summary>Creates the HTTP client for the service: no proxy, the configured request timeout.</summary>
    public static HttpClient CreateHttpClient(ExternalDataPusherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = options.RequestTimeout };
    }

    private async Task<ServiceReply> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ServiceReply(response.StatusCode, text, ParseObject(text));
        }
        catch (HttpRequestException error)
        {
            throw new DataPusherConnectionException(error.Message, error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DataPusherConnectionException(
                $"The request to {request.RequestUri} timed out after {http.Timeout.TotalSeconds:0} s.", error);
        }
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
