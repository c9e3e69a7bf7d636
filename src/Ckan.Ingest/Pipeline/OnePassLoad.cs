using Ckan.Ingest.Sinks;
using Ckan.Ingest.Typing;

namespace Ckan.Ingest.Pipeline;

/// <summary>
/// Loads a table into a typed row sink while reading it only once, in the usual case where the opening rows
/// already show every column's type. The types are guessed from the first rows, then every row is profiled
/// and written with those types in the same pass. The load commits only when the whole file's types equal
/// the guess, so the result is the same as typing the whole file first. Otherwise it is discarded, and the
/// caller writes the rows again with the whole file's types.
/// </summary>
internal static class OnePassLoad
{
    /// <summary>How many data rows the guess reads.</summary>
    public const int GuessRows = 10_000;

    /// <summary>
    /// Loads the table in one pass when it can. The outcome has the result when the load committed.
    /// Otherwise it has the profile of the whole file when the guess was wrong or the opening rows were
    /// the whole file, or it records that the sink declined typed rows.
    /// </summary>
    public static async Task<Outcome> RunAsync(
        TableSource source,
        ITypedRowSink sink,
        IngestProgressHandler? progress,
        CancellationToken cancellationToken)
    {
        TableProfile opening;
        using (var reader = source.Open())
        {
            opening = TableProfile.Build(reader, cancellationToken, GuessRows);
        }

        // A profile stops short only after its row limit, so an incomplete one has data rows to guess from.
        if (opening.IsComplete)
        {
            return new Outcome(null, opening, SinkDeclined: false);
        }

        var guessed = opening.DecideTypes();
        var writer = await sink.BeginTypedRowsAsync(IngestFields.Create(opening, guessed), cancellationToken);
        if (writer is null)
        {
            return new Outcome(null, null, SinkDeclined: true);
        }

        await using (writer)
        {
            var profile = new TableProfile();
            var counter = new RowCounter(0, progress);
            bool fits;
            using (var reader = source.Open())
            {
                fits = await TypedRowPass.RunAsync(reader, guessed, writer, profile, counter, cancellationToken);
            }

            var types = profile.DecideTypes();
            if (!fits || !types.SequenceEqual(guessed))
            {
                return new Outcome(null, profile, SinkDeclined: false);
            }

            var fields = IngestFields.Create(profile, types);
            counter.Total = counter.Count;
            var count = await writer.CommitAsync(cancellationToken);
            await counter.ReportAsync(cancellationToken);
            return new Outcome(IngestResult.Create(source, fields, count, profile), null, SinkDeclined: false);
        }
    }

    /// <summary>What a one-pass load ended with, for the caller to go on from.</summary>
    public sealed record Outcome(IngestResult? Result, TableProfile? Profile, bool SinkDeclined);
}
