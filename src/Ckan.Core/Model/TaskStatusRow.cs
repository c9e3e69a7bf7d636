namespace Ckan.Core.Model;

/// <summary>
/// A row of CKAN's <c>task_status</c> table: the state of a background task on an entity, such as the
/// DataPusher's load of a resource (<c>task_type</c> and <c>key</c> both <c>datapusher</c>).
/// </summary>
public sealed record TaskStatusRow
{
    public required string Id { get; init; }
    public required string EntityId { get; init; }
    public required string EntityType { get; init; }
    public required string TaskType { get; init; }
    public required string Key { get; init; }

    /// <summary>A JSON document whose meaning belongs to the task.</summary>
    public required string Value { get; init; }
    public string? State { get; init; }

    /// <summary>A JSON document describing the last failure, <c>{}</c> when there is none.</summary>
    public string? Error { get; init; }

    /// <summary>UTC, as <c>YYYY-MM-DD HH:MM:SS.ffffff</c>.</summary>
    public string? LastUpdated { get; init; }
}
