using System.Globalization;
using System.Text;
using Ckan.Ingest.Pipeline;
using Ckan.Ingest.Tests.RealData;

namespace Ckan.Ingest.Tests.Pipeline;

/// <summary>
/// A sink that takes typed values gets the rows in one pass when the opening rows show the types, and
/// in every case the same fields and values as a sink of row arrays.
/// </summary>
public sealed class TypedRowIngestTests : IDisposable
{
    private readonly TemporaryFiles _files = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("co2-mm-mlo.csv")]
    [InlineData("country-codes.csv")]
    [InlineData("gdp.csv")]
    [InlineData("geobtaa-ckan-allItems_20200821.csv")]
    [InlineData("hdx-sdg_metadata_zwe.csv")]
    [InlineData("opencanada-registry_orgs.csv")]
    [InlineData("sp500-constituents.csv")]
    [InlineData("UNSD-ru.csv")]
    [InlineData("opencanada-geogratis-downloads.xlsx")]
    [InlineData("derived/UNSD-es.cp1252.semicolon.csv")]
    [InlineData("derived/gdp.tsv")]
    public async Task Real_file_same_in_both_sinks(string file)
    {
        var path = RealTabularFiles.Require(file);

        await AssertSameAsync(path);
    }

    [Fact]
    public async Task Typed_opening_rows_read_once()
    {
        var text = new StringBuilder("id,amount,day,name\n");
        for (var row = 1; row <= 30_000; row++)
        {
            var day = new DateOnly(2024, 1, 1).AddDays(row % 28);
            text.Append(CultureInfo.InvariantCulture, $"{row},{row}.25,{day:yyyy-MM-dd},\"n, {row}\"\n");
        }

        var path = _files.Write("long.csv", text.ToString());
        var typed = await AssertSameAsync(path);

        Assert.Equal(1, typed.WritersBegun);
        Assert.Equal(0, typed.WritersDiscarded);
        Assert.Equal(["int4", "numeric", "date", "text"], typed.Fields.Select(field => field.Type));
        Assert.Equal(30_000, typed.Rows.Count);
    }

    [Fact]
    public async Task Late_type_change_loads_again()
    {
        var text = new StringBuilder("value,other\n");
        for (var row = 0; row < 50_000; row++)
        {
            text.Append(row).Append(",x\n");
        }

        text.Append("n/a,y\n");

        var typed = await AssertSameAsync(_files.Write("late.csv", text.ToString()));

        Assert.Equal(2, typed.WritersBegun);
        Assert.Equal(1, typed.WritersDiscarded);
        Assert.Equal("text", typed.Fields[0].Type);
        Assert.Equal("n/a", typed.Rows[^1][0]);
    }

    [Fact]
    public async Task Late_wide_row_adds_column()
    {
        var text = new StringBuilder("a,b\n");
        for (var row = 0; row < 20_000; row++)
        {
            text.Append(row).Append(',').Append(row * 2).Append('\n');
        }

        text.Append("1,2,extra\n");

        var typed = await AssertSameAsync(_files.Write("wide.csv", text.ToString()));

        Assert.Equal(3, typed.Fields.Count);
        Assert.Equal("extra", typed.Rows[^1][2]);
        Assert.Null(typed.Rows[0][2]);
    }

    [Fact]
    public async Task Late_narrower_type_loads_again()
    {
        // The opening rows leave the column empty (text); the whole file makes it int4.
        var text = new StringBuilder("a,b\n");
        for (var row = 0; row < 15_000; row++)
        {
            text.Append(row).Append(",\n");
        }

        text.Append("1,7\n");

        var typed = await AssertSameAsync(_files.Write("narrow.csv", text.ToString()));

        Assert.Equal(1, typed.WritersDiscarded);
        Assert.Equal("int4", typed.Fields[1].Type);
        Assert.Equal(7, typed.Rows[^1][1]);
    }

    [Fact]
    public async Task Progress_ends_with_every_row_done()
    {
        var text = new StringBuilder("a\n");
        for (var row = 0; row < 25_000; row++)
        {
            text.Append(row).Append('\n');
        }

        var reports = new List<IngestProgress>();
        await TabularIngester.IngestAsync(
            _files.Write("progress.csv", text.ToString()),
            new TypedMemorySink(),
            (progress, _) =>
            {
                reports.Add(progress);
                return Task.CompletedTask;
            },
            CancellationToken);

        Assert.NotEmpty(reports);
        Assert.Equal(25_000, reports[^1].RowsDone);
        Assert.Equal(25_000, reports[^1].RowsTotal);
        Assert.All(reports, report => Assert.True(report.RowsDone <= report.RowsTotal));
    }

    public void Dispose() => _files.Dispose();

    private static async Task<TypedMemorySink> AssertSameAsync(string path)
    {
        var rows = new MemorySink();
        var typed = new TypedMemorySink();

        var rowResult = await TabularIngester.IngestAsync(path, rows, CancellationToken);
        var typedResult = await TabularIngester.IngestAsync(path, typed, CancellationToken);

        Assert.Equal(rowResult.RowCount, typedResult.RowCount);
        Assert.Equal(rowResult.BlankRowCount, typedResult.BlankRowCount);
        Assert.Equal(rowResult.WideRowCount, typedResult.WideRowCount);
        Assert.Equal(
            rows.Fields.Select(field => (field.Id, field.Type, field.Info["label"])),
            typed.Fields.Select(field => (field.Id, field.Type, field.Info["label"])));
        Assert.Equal(rows.Rows.Count, typed.Rows.Count);
        for (var index = 0; index < rows.Rows.Count; index++)
        {
            Assert.Equal(rows.Rows[index], typed.Rows[index]);
        }

        return typed;
    }
}
