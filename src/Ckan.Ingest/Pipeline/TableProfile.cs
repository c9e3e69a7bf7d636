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

    /// <summary>The number of columns: the header's, widened to the widest row.</summary>
    public int ColumnCount => _columns.Count;

    public long WideRowCount { get; private set; }

    public long ShortRowCount { get; private set; }

    public long BlankRowCount { get; private set; }

    public bool HasHeader { get; private set; }

    /// <summary>Whether <see cref="Build"/> read the whole table rather than stopping at its row limit.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The number of columns the header names, before any widening.</summary>
    public int HeaderWidth { get; private set; }

    /// <summary>Profiles every row of the reader, or the first <paramref name="maxRows"/> data rows.</summary>
    public static TableProfile Build(
        IRowReader reader,
        CancellationToken cancellationToken,
        long maxRows = long.MaxValue)
    {
        var profile = new TableProfile();
        while (profile.RowCount < maxRows)
        {
            if (!reader.MoveNext())
            {
                profile.IsComplete = true;
                break;
            }

            if (profile.Add(reader) > 0 && profile.RowCount % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return profile;
    }

    /// <summary>
    /// Profiles the reader's current row. Returns its width (see <see cref="RowWidth"/>) when it is a data
    /// row, and 0 for a blank row or the header.
    /// </summary>
    public int Add(IRowReader reader)
    {
        var width = RowWidth(reader);
        if (width == 0)
        {
            BlankRowCount += HasHeader ? 1 : 0;
            return 0;
        }

        if (!HasHeader)
        {
            ReadHeader(reader, width);
            return 0;
        }

        AddRow(reader, width);
        return width;
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

    /// <summary>
    /// Returns the width of the reader's current row when it is a data row, and 0 for a blank row or the
    /// header (the first non-blank row), for a pass that does not profile. <paramref name="headerSeen"/> carries
    /// the state from row to row.
    /// </summary>
    public static int DataRowWidth(IRowReader reader, ref bool headerSeen)
    {
        var width = RowWidth(reader);
        if (width > 0 && !headerSeen)
        {
            headerSeen = true;
            return 0;
        }

        return width;
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
