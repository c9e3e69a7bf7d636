namespace Ckan.Bench.Search;

/// <summary>What one timed search index rebuild measured.</summary>
internal sealed record RebuildReport
{
    public required int Datasets { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Processor time (user and system) of the whole process during the rebuild, on every core.</summary>
    public required TimeSpan ProcessorTime { get; init; }

    /// <summary>Time inside the index's IndexAsync: building Lucene documents, adding them, committing.</summary>
    public required TimeSpan IndexWriteTime { get; init; }

    /// <summary>Time to list and load every dataset from the catalog, measured in a second pass.</summary>
    public required TimeSpan CatalogReadTime { get; init; }

    /// <summary>Time to build every package_show dictionary and its JSON, measured in a second pass.</summary>
    public required TimeSpan DictionaryTime { get; init; }

    /// <summary>Peak resident set (VmHWM) during the rebuild, or null when the peak could not be reset.</summary>
    public long? PeakResidentBytes { get; init; }

    /// <summary>Resident set (VmRSS) just before the rebuild started, included in the peak.</summary>
    public long? ResidentBytesBefore { get; init; }

    /// <summary>Size of the index folder after it was closed.</summary>
    public long IndexBytes { get; init; }

    /// <summary>Segments in the closed index; each search visits every segment.</summary>
    public int Segments { get; init; }

    /// <summary>One-minute load average when the rebuild started and when it ended.</summary>
    public (double? Start, double? End) Load { get; init; }

    public double DatasetsPerSecond => Datasets / Elapsed.TotalSeconds;
}
