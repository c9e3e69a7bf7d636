using System.Text.Json.Nodes;

namespace Ckan.DataPusher.Service.Jobs;

/// <summary>One job as the store keeps it, with the fields of ckan-service-provider's job dictionary.</summary>
public sealed record JobRecord
{
    public required string JobId { get; init; }

    public required string JobType { get; init; }

    /// <summary><c>pending</c> until the worker ends the job, then <c>complete</c> or <c>error</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The key a client shows in the <c>Authorization</c> header to read or delete this job.</summary>
    public required string JobKey { get; init; }

    /// <summary>The portal API token the job calls the portal with; never returned by the API.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The URL the job dictionary is posted to when the job ends, or null.</summary>
    public string? ResultUrl { get; init; }

    public required JsonObject Metadata { get; init; }

    /// <summary>The job's input <c>data</c> as JSON text, or null.</summary>
    public string? Data { get; init; }

    /// <summary>The error dictionary of a failed job, or null.</summary>
    public JsonObject? Error { get; init; }

    /// <summary>The job dictionary posted to <see cref="ResultUrl"/>, as JSON text, once it was sent.</summary>
    public string? SentData { get; init; }

    /// <summary>UTC time of the request, in <see cref="JobTime.Format"/>.</summary>
    public required string RequestedTimestamp { get; init; }

    /// <summary>UTC time the job ended, or null while it is pending.</summary>
    public string? FinishedTimestamp { get; init; }
}
