namespace Ckan.Bench.IngestDataStore;

/// <summary>What one DataPusher load of the generated file measured, in the process that ran it.</summary>
internal sealed record PushMeasurement
{
    /// <summary>The backend: <c>postgresql</c> or <c>sqlite</c>.</summary>
    public required string Backend { get; init; }

    public required long Rows { get; init; }

    /// <summary>Seconds from the job's start to its end, when the resource is <c>datastore_active</c>.</summary>
    public required double PushSeconds { get; init; }

    /// <summary>Processor seconds (user and system) this process spent in the job, on all its threads.</summary>
    public required double ProcessorSeconds { get; init; }

    /// <summary>
    /// Seconds from the job's end until a <c>q</c> search returned its first match, which waits for
    /// the full-text column and index when they are completed after the load.
    /// </summary>
    public required double FullTextSeconds { get; init; }

    /// <summary>Rows that <c>q</c> matched, as a check that the full-text column covers the table.</summary>
    public required long FullTextMatches { get; init; }

    /// <summary>Resident bytes of the process when the job started.</summary>
    public required long ResidentBeforeBytes { get; init; }

    /// <summary>Peak resident bytes (VmHWM) of the process from the job's start to the end of the search.</summary>
    public required long PeakResidentBytes { get; init; }
}
