using System.Text.Json.Nodes;

namespace Ckan.DataPusher.Service.Push;

/// <summary>
/// A job that cannot go on: bad metadata, a portal call that failed, a download over the limit or a
/// file that cannot be parsed. The worker stores <see cref="ToErrorObject"/> as the job's error.
/// </summary>
public sealed class JobException : Exception
{
    private const int MaxResponseLength = 200;

    public JobException(string message)
        : base(message)
    {
    }

    public JobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JobException(string message, int statusCode, string requestedUrl, string response)
        : base(message)
    {
        StatusCode = statusCode;
        RequestedUrl = requestedUrl;
        Response = response;
    }

    /// <summary>The HTTP status of the failed request, or null when no response came.</summary>
    public int? StatusCode { get; }

    /// <summary>The URL of the failed request, or null.</summary>
    public string? RequestedUrl { get; }

    /// <summary>The body of the failed response, or null.</summary>
    public string? Response { get; }

    /// <summary>
    /// Returns the error dictionary of DataPusher's job API, with the response cut to 200 characters.
    /// </summary>
    public JsonObject ToErrorObject()
    {
        var error = new JsonObject { ["message"] = Message };
        if (StatusCode is { } status)
        {
            error["HTTP status code"] = status;
            error["Requested URL"] = RequestedUrl;
            error["Response"] = Response is { Length: > MaxResponseLength }
                ? Response[..MaxResponseLength] + "..."
                : Response;
        }

        return error;
    }
}
