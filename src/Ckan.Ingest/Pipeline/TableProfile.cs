using Ckan.Ingest.Headers;
using Ckan.Ingest.Reading;
using Ckan.Ingest.Typing;

namespace Ckan.Ingest.Pipeline;

/// <summary>
/// The first pass over a table: finds the header (the first non-blank row), widens the table to the
/// widest row, and profiles every value of every column.
/// </summary>
internal sealed class TableProfile
{
    private const int CancellationCheckInterval = 4096;

    private readonly List<string> _labels = [];
    private readonly List<ColumnProfile> _columns = [];

    public IReadOnlyList<string> Labels => _labels;

    public long RowCount { get; private set; }

    public long WideRowCount { get; private set; }

    public long ShortRowCount { get; private set; }

    public long BlankRowCount { get; private set; }

    public bool HasHeader { get; private set; }

    /// <summary>The number of columns the header names, before any widening.</summary>
    public int HeaderWidth { get; private set; }

    public static TableProfile Build(IRowReader reader, CancellationToken cancellationToken)
    {
        var profile = new TableProfile();
        while (reader.MoveNext())
        {
            var width = RowWidth(reader);
            if (width == 0)
            {
                profile.BlankRowCount += profile.HasHeader ? 1 : 0;
                continue;
            }

            if (!profile.HasHeader)
            {
                profile.ReadHeader(reader, width);
                continue;
            }

            profile.AddRow(reader, width);
            if (profile.RowCount % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return profile;
    }

    /// <summary>Returns the cleaned headers, with generated names for columns beyond the header.</summary>
    public IReadOnlyList<CleanHeader> CleanHeaders() => HeaderCleaner.Clean(_labels);

    /// <summary>Returns the type of every column.</summary>
    public IReadOnlyList<ColumnType> DecideTypes() => _columns.Select(column => column.Decide()).ToList();

    /// <summary>
    /// Returns the number of cells up to the last non-empty one, so a trailing separator adds no column;
    /// 0 for a blank row.
    /// </summary>
    public static int RowWidth(IRowReader reader)
    {
        for (var index = reader.CellCount - 1; index >= 0; index--)
        {
            if (!reader.GetCell(index).Trim().IsEmpty)
            {
                return index + 1;
            }
        }

        return 0;
    }

    private void ReadHeader(IRowReader reader, int width)
    {
        HasHeader = true;
        HeaderWidth = width;
        for (var index = 0; index < width; index++)
        {
            _labels.Add(reader.GetCell(index).ToString());
            _columns.Add(new ColumnProfile());
        }
    }

    private void AddRow(IRowReader reader, int width)
    {
        RowCount++;
        if (width > HeaderWidth)
        {
            WideRowCount++;
        }

        while (_columns.Count < width)
        {
            _labels.Add("");
            _columns.Add(new ColumnProfile());
        }

        if (reader.CellCount < HeaderWidth)
        {
            ShortRowCount++;
        }

        for (var index = 0; index < width; index++)
        {
            _columns[index].Add(reader.GetCell(index));
        }
    }
}
