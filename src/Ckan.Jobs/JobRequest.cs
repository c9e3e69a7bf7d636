namespace Ckan.Jobs;

/// <summary>A job to add to a queue.</summary>
public sealed record JobRequest
{
    /// <summary>The handler name; see <see cref="JobHandlerRegistry"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The handler's input as a JSON document; <c>{}</c> when it needs none.</summary>
    public string Payload { get; init; } = "{}";

    /// <summary>The title shown by <c>ckan jobs list</c>, or null.</summary>
    public string? Title { get; init; }

    /// <summary>The queue name, <c>default</c> unless given.</summary>
    public string Queue { get; init; } = IJobQueue.DefaultQueue;
}
