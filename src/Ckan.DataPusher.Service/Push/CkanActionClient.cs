using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.DataPusher.Service.Push;

/// <summary>
/// Calls a portal's Action API (<c>POST {ckan_url}/api/3/action/{name}</c>) with the job's API token in the
/// <c>Authorization</c> header, the only way the service reaches the portal.
/// </summary>
public sealed class CkanActionClient(HttpClient http, string ckanUrl, string apiKey)
{
    /// <summary>The portal's base URL, without a trailing slash.</summary>
    public string CkanUrl { get; } = ckanUrl.TrimEnd('/');

    /// <summary>Calls the action and returns its <c>result</c>.</summary>
    /// <exception cref="JobException">The portal could not be reached or reported an error.</exception>
    public async Task<JsonNode?> CallAsync(string action, JsonObject data, CancellationToken cancellationToken)
    {
        var (status, body, url) = await SendAsync(action, data, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new JobException(
                $"The portal's {action} failed with HTTP {(int)status}: {ErrorText(body)}",
                (int)status,
                url,
                body);
        }

        return Parse(body)?["result"];
    }

    /// <summary>Calls the action and returns null instead of throwing when the portal returns 404 Not Found.</summary>
    public async Task<JsonNode?> CallOrNotFoundAsync(
        string action,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var (status, body, url) = await SendAsync(action, data, cancellationToken);
        if (status == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (status != HttpStatusCode.OK)
        {
            throw new JobException(
                $"The portal's {action} failed with HTTP {(int)status}: {ErrorText(body)}",
                (int)status,
                url,
                body);
        }

        return Parse(body)?["result"];
    }

    /// <summary>Adds the job's API token to a request for a file on the portal.</summary>
    public void Authorize(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.TryAddWithoutValidation("Authorization", apiKey);
    }

    private async Task<(HttpStatusCode Status, string Body, string Url)> SendAsync(
        string action,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var url = CkanUrl + "/api/3/action/" + action;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(data.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        Authorize(request);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (response.StatusCode, body, url);
        }
        catch (HttpRequestException error)
        {
            throw new JobException($"Could not reach the portal at {url}: {error.Message}", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JobException($"The request to {url} timed out after {http.Timeout.TotalSeconds:0} s.", error);
        }
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // CKAN's envelope has error.message, or field names mapped to lists of messages for validation errors.
    private static string ErrorText(string body)
    {
        if (Parse(body)?["error"] is not JsonObject error)
        {
            return body.Length > 200 ? body[..200] + "..." : body;
        }

        if (error["message"] is JsonValue message)
        {
            return message.ToString();
        }

        return string.Join("; ", error
            .Where(pair => pair.Key != "__type")
            .Select(pair => pair.Key + ": " + (pair.Value is JsonArray list
                ? string.Join(" ", list.Select(item => item?.ToString()))
                : pair.Value?.ToJsonString())));
    }
}
