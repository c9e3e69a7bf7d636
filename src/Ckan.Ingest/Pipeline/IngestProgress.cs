namespace Ckan.Ingest.Pipeline;

/// <summary>The progress of an ingest's second pass, which hands the rows to the sink.</summary>
public sealed record IngestProgress
{
    /// <summary>The data rows handed to the sink so far.</summary>
    public required long RowsDone { get; init; }

    /// <summary>The data rows in the file, counted by the first pass.</summary>
    public required long RowsTotal { get; init; }
}

/// <summary>Receives the progress of an ingest; the ingest waits for it before it reads on.</summary>
public delegate Task IngestProgressHandler(IngestProgress progress, CancellationToken cancellationToken);
