namespace Ckan.Jobs;

/// <summary>How far a started job has come, in units its handler chooses (rows for DataPusher loads).</summary>
public sealed record JobProgress
{
    /// <summary>The units done so far.</summary>
    public required long Done { get; init; }

    /// <summary>The units in all, or null while the handler does not know yet.</summary>
    public long? Total { get; init; }
}
