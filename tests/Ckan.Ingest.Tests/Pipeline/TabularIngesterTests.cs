using System.Text;
using Ckan.Ingest.Detection;
using Ckan.Ingest.Pipeline;

namespace Ckan.Ingest.Tests.Pipeline;

public sealed class TabularIngesterTests : IDisposable
{
    private readonly TemporaryFiles _files = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Infers_types_and_converts_values()
    {
        var path = _files.Write(
            "types.csv",
            "id,big,amount,flag,day,at,name\n" +
            "1,3000000000,1.50,true,2024-01-31,2024-01-31T10:15:00,Ana\n" +
            "2,-5,2,FALSE,2024-02-01,2024-02-01T00:00:00.5,\"Bo, Jr\"\n");
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(2, result.RowCount);
        Assert.Equal(
            ["int4", "int8", "numeric", "bool", "date", "timestamp", "text"],
            sink.Fields.Select(field => field.Type));
        Assert.Equal([1, 3000000000L, 1.50m, true, new DateOnly(2024, 1, 31), new DateTime(2024, 1, 31, 10, 15, 0), "Ana"], sink.Rows[0]);
        Assert.Equal("Bo, Jr", sink.Rows[1][6]);
        Assert.Equal(new DateTime(2024, 2, 1, 0, 0, 0, 500), sink.Rows[1][5]);
    }

    [Fact]
    public async Task Type_is_inferred_from_every_row_not_a_sample()
    {
        var text = new StringBuilder("value\n");
        for (var row = 0; row < 50_000; row++)
        {
            text.Append(row).Append('\n');
        }

        text.Append("n/a\n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(_files.Write("late.csv", text.ToString()), sink, CancellationToken);

        Assert.Equal("text", sink.TypeOf("value"));
        Assert.Equal("n/a", sink.Rows[^1][0]);
    }

    [Fact]
    public async Task Integers_widen_from_int4_to_numeric()
    {
        var path = _files.Write(
            "widen.csv",
            "small,large,huge,too_huge\n1,1,1,1\n2,9223372036854775807,99999999999999999999,123456789012345678901234567890123\n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("int4", sink.TypeOf("small"));
        Assert.Equal("int8", sink.TypeOf("large"));
        Assert.Equal("numeric", sink.TypeOf("huge"));
        Assert.Equal(99999999999999999999m, sink.Column("huge")[1]);
        Assert.Equal("text", sink.TypeOf("too_huge"));
    }

    [Fact]
    public async Task Leading_zero_codes_stay_text()
    {
        var path = _files.Write("codes.csv", "code,zero,fraction\n001,0,0.5\n042,7,00.5\n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("text", sink.TypeOf("code"));
        Assert.Equal(["001", "042"], sink.Column("code"));
        Assert.Equal("int4", sink.TypeOf("zero"));
        Assert.Equal("text", sink.TypeOf("fraction"));
    }

    [Fact]
    public async Task NaN_and_infinity_make_float8()
    {
        var path = _files.Write("special.csv", "x\n1.5\nNaN\nInfinity\n-inf\n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("float8", sink.TypeOf("x"));
        Assert.Equal([1.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity], sink.Column("x"));
    }

    [Fact]
    public async Task Day_first_dates_are_decided_from_data()
    {
        var path = _files.Write("dayfirst.csv", "d\n01/02/2024\n25/12/2024\n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("date", sink.TypeOf("d"));
        Assert.Equal([new DateOnly(2024, 2, 1), new DateOnly(2024, 12, 25)], sink.Column("d"));
    }

    [Fact]
    public async Task Month_first_dates_are_decided_from_data()
    {
        var path = _files.Write("monthfirst.csv", "d\n01/02/2024\n12/25/2024\n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("date", sink.TypeOf("d"));
        Assert.Equal([new DateOnly(2024, 1, 2), new DateOnly(2024, 12, 25)], sink.Column("d"));
    }

    [Fact]
    public async Task Ambiguous_or_mixed_dates_stay_text()
    {
        var path = _files.Write(
            "ambiguous.csv", "ambiguous,mixed\n01/02/2024,2024-01-02\n03/04/2024,02/01/2024\n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("text", sink.TypeOf("ambiguous"));
        Assert.Equal("text", sink.TypeOf("mixed"));
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01")]
    [InlineData("2024-1-01")]
    [InlineData("0000-01-01")]
    public async Task Impossible_iso_dates_make_column_text(string impossible)
    {
        var path = _files.Write("iso.csv", "d\n2024-02-29\n" + impossible + "\n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("text", sink.TypeOf("d"));
    }

    [Fact]
    public async Task Empty_cells_are_null_and_do_not_change_type()
    {
        var path = _files.Write("nulls.csv", "n,t\n1,\n,y\n3,  \n");
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("int4", sink.TypeOf("n"));
        Assert.Equal([1, null, 3], sink.Column("n"));
        Assert.Equal([null, "y", null], sink.Column("t"));
    }

    [Fact]
    public async Task Empty_file_is_rejected_with_its_name()
    {
        var path = _files.Write("empty.csv", "");

        var error = await Assert.ThrowsAsync<IngestException>(
            () => TabularIngester.IngestAsync(path, new MemorySink(), CancellationToken));

        Assert.Contains("empty.csv is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_of_blank_lines_is_rejected()
    {
        var path = _files.Write("blank.csv", "\n\n  \n");

        var error = await Assert.ThrowsAsync<IngestException>(
            () => TabularIngester.IngestAsync(path, new MemorySink(), CancellationToken));

        Assert.Contains("has no header row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_only_file_loads_text_fields_and_no_rows()
    {
        var path = _files.Write("header.csv", "a,b\n");
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(0, result.RowCount);
        Assert.Equal(["a", "b"], sink.Fields.Select(field => field.Id));
        Assert.All(sink.Fields, field => Assert.Equal("text", field.Type));
        Assert.Empty(sink.Rows);
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_counted()
    {
        var path = _files.Write("trailing.csv", "a\n1\n\n2\n\n\n");
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(2, result.RowCount);
        Assert.Equal(3, result.BlankRowCount);
        Assert.Equal([1, 2], sink.Column("a"));
    }

    [Fact]
    public async Task Short_rows_are_padded_with_nulls()
    {
        var path = _files.Write("short.csv", "a,b,c\n1,2,3\n4\n");
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(1, result.ShortRowCount);
        Assert.Equal([4, null, null], sink.Rows[1]);
    }

    [Fact]
    public async Task Wide_rows_add_generated_fields()
    {
        var path = _files.Write("wide.csv", "a,b\n1,2,extra\n3,4\n5,6,\n");
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(1, result.WideRowCount);
        Assert.Equal(["a", "b", "field_3"], sink.Fields.Select(field => field.Id));
        Assert.Equal(["extra", null, null], sink.Column("field_3"));
    }

    [Theory]
    [InlineData("a;b;c\n1;2,5;x\n3;4,5;y\n", "semicolon")]
    [InlineData("a\tb\tc\n1\t2\tx\n", "tab")]
    [InlineData("a|b|c\n1|2|x\n", "pipe")]
    [InlineData("a,b,c\n1,\"2;3\",x\n", "comma")]
    public async Task Detects_separator(string text, string expected)
    {
        var path = _files.Write("dialect.csv", text);
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(expected, result.Separator);
        Assert.Equal(["a", "b", "c"], sink.Fields.Select(field => field.Id));
    }

    [Fact]
    public async Task Reads_windows_1252_text()
    {
        var path = _files.Write("latin.csv", "name;n\nMéxico;1\nCôte d’Ivoire;2\n", EncodingDetector.Windows1252);
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("windows-1252", result.Encoding);
        Assert.Equal(["México", "Côte d’Ivoire"], sink.Column("name"));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public async Task Reads_unicode_text_with_byte_order_mark(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var path = _files.Write("bom.csv", "città,n\nZürich,1\n", encoding);
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("città", sink.Fields[0].Id);
        Assert.Equal(["Zürich"], sink.Column("città"));
    }

    [Fact]
    public async Task Reads_utf16_without_byte_order_mark()
    {
        var path = _files.WriteBytes("nobom.csv", Encoding.Unicode.GetBytes("a,b\n1,2\n"));
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal("utf-16", result.Encoding);
        Assert.Equal([1, 2], sink.Rows[0]);
    }

    [Fact]
    public async Task Quoted_cells_keep_separators_and_line_breaks()
    {
        var path = _files.Write("quoted.csv", "a,b\n\"x, \"\"y\"\"\",\"line 1\nline 2\"\n");
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(1, result.RowCount);
        Assert.Equal(["x, \"y\"", "line 1\nline 2"], sink.Rows[0]);
    }

    [Fact]
    public async Task Inch_marks_do_not_join_lines()
    {
        var path = _files.Write("inches.csv", "size,n\n12\" pipe,1\nbolt,2\nnut,3\n");
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(3, result.RowCount);
        Assert.Equal(["12\" pipe", "bolt", "nut"], sink.Column("size"));
        Assert.Equal([1, 2, 3], sink.Column("n"));
    }

    [Fact]
    public async Task Zip_that_is_not_a_workbook_is_rejected()
    {
        var path = Path.Combine(_files.Folder, "archive.xlsx");
        using (var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            var entry = archive.CreateEntry("hello.txt");
            await using var writer = new StreamWriter(await entry.OpenAsync(CancellationToken));
            await writer.WriteAsync("not a sheet");
        }

        var error = await Assert.ThrowsAsync<IngestException>(
            () => TabularIngester.IngestAsync(path, new MemorySink(), CancellationToken));

        Assert.Contains("archive.xlsx is not a readable XLSX workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_ingest()
    {
        var text = new StringBuilder("a\n");
        for (var row = 0; row < 20_000; row++)
        {
            text.Append(row).Append('\n');
        }

        var path = _files.Write("cancel.csv", text.ToString());
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TabularIngester.IngestAsync(path, new MemorySink(), cancel.Token));
    }

    [Fact]
    public async Task Progress_starts_with_total_and_ends_complete()
    {
        var text = new StringBuilder("a,b\n");
        for (var row = 0; row < 30_000; row++)
        {
            text.Append(row).Append(",x\n\n");
        }

        var path = _files.Write("progress.csv", text.ToString());
        var reports = new List<IngestProgress>();

        await TabularIngester.IngestAsync(
            path,
            new MemorySink(),
            (progress, _) =>
            {
                reports.Add(progress);
                return Task.CompletedTask;
            },
            CancellationToken);

        Assert.Equal(new IngestProgress { RowsDone = 0, RowsTotal = 30_000 }, reports[0]);
        Assert.Equal(new IngestProgress { RowsDone = 30_000, RowsTotal = 30_000 }, reports[^1]);
        Assert.All(reports, report => Assert.Equal(30_000, report.RowsTotal));
        Assert.True(reports.Count < 100, $"{reports.Count} reports for 30,000 rows; they should come about once a second");
    }

    public void Dispose() => _files.Dispose();
}
