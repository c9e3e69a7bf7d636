namespace Ckan.Ingest.Pipeline;

/// <summary>The progress of the pass that hands the rows to the sink.</summary>
public sealed record IngestProgress
{
    /// <summary>The data rows handed to the sink so far.</summary>
    public required long RowsDone { get; init; }

    /// <summary>
    /// The data rows in the file: counted by a first pass, or, while a load that reads the file once is still
    /// reading, estimated from the rows so far and the share of the file they came from. The last report is exact.
    /// </summary>
    public required long RowsTotal { get; init; }
}

/// <summary>Receives the progress of an ingest; the ingest waits for it before it reads on.</summary>
public delegate Task IngestProgressHandler(IngestProgress progress, CancellationToken cancellationToken);
