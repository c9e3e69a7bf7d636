namespace Ckan.DataPusher.Service.Jobs;

/// <summary>One line of a job's log, as the job API returns it.</summary>
public sealed record JobLogEntry
{
    /// <summary>UTC time in <see cref="JobTime.Format"/>.</summary>
    public required string Timestamp { get; init; }

    /// <summary><c>INFO</c>, <c>WARNING</c> or <c>ERROR</c>.</summary>
    public required string Level { get; init; }

    public required string Message { get; init; }

    /// <summary>The part of the service that wrote the line, such as <c>push_to_datastore</c>.</summary>
    public required string Module { get; init; }
}
