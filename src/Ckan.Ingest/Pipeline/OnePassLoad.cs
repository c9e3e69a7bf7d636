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
    /// Loads the table in one pass when it can. Returns the result when the load committed. Otherwise it
    /// returns the profile of the whole file when the guess was wrong or the opening rows were the whole
    /// file, and neither when the sink takes no typed rows or the file has no data rows.
    /// </summary>
    public static async Task<(IngestResult? Result, TableProfile? Profile)> RunAsync(
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

        if (opening.IsComplete || opening.RowCount == 0)
        {
            return (null, opening.IsComplete ? opening : null);
        }

        var guessed = opening.DecideTypes();
        var writer = await sink.BeginTypedRowsAsync(IngestFields.Create(opening, guessed), cancellationToken);
        if (writer is null)
        {
            return (null, null);
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
                return (null, profile);
            }

            var fields = IngestFields.Create(profile, types);
            counter.Total = counter.Count;
            var count = await writer.CommitAsync(cancellationToken);
            await counter.ReportAsync(cancellationToken);
            return (IngestResult.Create(source, fields, count, profile), null);
        }
    }
}
