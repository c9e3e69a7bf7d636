using System.Diagnostics;

namespace Ckan.Ingest.Pipeline;

/// <summary>
/// Counts the rows handed to a sink and reports progress. Besides one report at the end (and one at the start
/// of a second pass), callers report only when <see cref="IsReportDue"/>, at most once a second.
/// </summary>
internal sealed class RowCounter(long total, IngestProgressHandler? progress)
{
    // Progress goes to a database or queue, so it is sent at most once a second rather than per row.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private long _lastReport = Stopwatch.GetTimestamp();

    public long Count { get; set; }

    /// <summary>The rows in the file: counted, or estimated while a single pass is still reading it.</summary>
    public long Total { get; set; } = total;

    public bool IsReportDue() =>
        progress is not null && Stopwatch.GetElapsedTime(_lastReport) >= ProgressInterval;

    /// <summary>Estimates the total from the rows counted so far and the part of the file they came from.</summary>
    public void EstimateTotal(double fractionRead) =>
        Total = fractionRead > 0 ? Math.Max(Count, (long)(Count / fractionRead)) : Count;

    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        _lastReport = Stopwatch.GetTimestamp();
        if (progress is not null)
        {
            await progress(new IngestProgress { RowsDone = Count, RowsTotal = Total }, cancellationToken);
        }
    }
}
