using Ckan.Core.Tabular;
using Ckan.Ingest.Reading;
using Ckan.Ingest.Typing;

namespace Ckan.Ingest.Pipeline;

/// <summary>
/// One pass over a table that writes its data rows to a typed row writer, converting each cell to its
/// column's type, and that can profile every row at the same time.
/// </summary>
internal static class TypedRowPass
{
    private const int CancellationCheckInterval = 4096;

    /// <summary>
    /// Reads every row. When <paramref name="profile"/> is given, each row is added to it and the header and
    /// blank rows are found by it; otherwise the first non-blank row is taken as the header. Data rows go to
    /// <paramref name="writer"/> until one does not fit <paramref name="types"/> (a cell of another type, or
    /// more columns); the rest is then only profiled. Returns whether every row fitted. When not, the writer
    /// contains part of a row and must be discarded.
    /// </summary>
    public static async Task<bool> RunAsync(
        IRowReader reader,
        IReadOnlyList<ColumnType> types,
        ITypedRowWriter writer,
        TableProfile? profile,
        RowCounter counter,
        CancellationToken cancellationToken)
    {
        var fits = true;
        var headerSeen = false;
        var rowsRead = 0L;
        while (reader.MoveNext())
        {
            var width = profile is null ? TableProfile.DataRowWidth(reader, ref headerSeen) : profile.Add(reader);
            if (width == 0)
            {
                continue;
            }

            if (++rowsRead % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!fits)
            {
                continue;
            }

            fits = width <= types.Count && WriteRow(reader, width, types, writer);
            if (!fits)
            {
                if (profile is null)
                {
                    throw new InvalidOperationException("A value changed between the two passes over the file.");
                }

                continue;
            }

            await writer.EndRowAsync(cancellationToken);
            counter.Count++;
            if (counter.IsReportDue())
            {
                if (profile is not null)
                {
                    counter.EstimateTotal(reader.FractionRead);
                }

                await counter.ReportAsync(cancellationToken);
            }
        }

        return fits;
    }

    private static bool WriteRow(IRowReader reader, int width, IReadOnlyList<ColumnType> types, ITypedRowWriter writer)
    {
        for (var index = 0; index < types.Count; index++)
        {
            var cell = index < width ? reader.GetCell(index) : [];
            if (!ValueConverter.TryWrite(cell, types[index], writer))
            {
                return false;
            }
        }

        return true;
    }
}
