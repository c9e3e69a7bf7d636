namespace Ckan.Jobs;

/// <summary>A background job as stored in the queue.</summary>
public sealed record Job
{
    /// <summary>The job id, a UUID string.</summary>
    public required string Id { get; init; }

    /// <summary>The queue name without CKAN's <c>ckan:{site_id}:</c> prefix, such as <c>default</c>.</summary>
    public required string Queue { get; init; }

    /// <summary>The handler that runs the job, such as <c>ingest</c>; see <see cref="JobHandlerRegistry"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The human-readable title shown by <c>ckan jobs list</c>, or null.</summary>
    public string? Title { get; init; }

    /// <summary>The handler's input as a JSON document.</summary>
    public required string Payload { get; init; }

    /// <summary>One of the <see cref="JobStatus"/> values.</summary>
    public required string Status { get; init; }

    /// <summary>When the job was queued, UTC.</summary>
    public required DateTime Created { get; init; }

    /// <summary>When a worker last started it, UTC, or null.</summary>
    public DateTime? Started { get; init; }

    /// <summary>When it finished or failed, UTC, or null.</summary>
    public DateTime? Ended { get; init; }

    /// <summary>The last progress its handler reported since it was taken, or null.</summary>
    public JobProgress? Progress { get; init; }

    /// <summary>The failure message of a failed job, or null.</summary>
    public string? Error { get; init; }
}
