namespace Ckan.Jobs;

/// <summary>The progress of a started job, in units its handler chooses (rows for DataPusher loads).</summary>
public sealed record JobProgress
{
    /// <summary>The units done so far.</summary>
    public required long Done { get; init; }

    /// <summary>The total units, or null while the handler does not know it yet.</summary>
    public long? Total { get; init; }
}
