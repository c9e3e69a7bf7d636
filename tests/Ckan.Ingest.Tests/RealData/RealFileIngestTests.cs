using Ckan.Ingest.Pipeline;

namespace Ckan.Ingest.Tests.RealData;

public sealed class RealFileIngestTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    // Rows are the published data rows. geobtaa-ckan-allItems ends with a blank line, which is skipped,
    // and every data row of co2-mm-mlo has one value more than its header, which becomes field_7.
    public static TheoryData<string, long, string, string?, string?, int> Files => new()
    {
        { "country-codes.csv", 249, "csv", "utf-8", "comma", 56 },
        { "UNSD-es.csv", 249, "csv", "utf-8", "comma", 15 },
        { "UNSD-ru.csv", 249, "csv", "utf-8", "comma", 15 },
        { "gdp.csv", 13979, "csv", "utf-8", "comma", 4 },
        { "co2-mm-mlo.csv", 820, "csv", "utf-8", "comma", 7 },
        { "sp500-constituents.csv", 503, "csv", "utf-8", "comma", 8 },
        { "hdx-sdg_metadata_zwe.csv", 5564, "csv", "utf-8", "comma", 5 },
        { "opencanada-registry_orgs.csv", 337, "csv", "utf-8", "comma", 3 },
        { "geobtaa-ckan-allItems_20200821.csv", 621, "csv", "utf-8", "comma", 36 },
        { "geobtaa-CKANportals.csv", 7, "csv", "utf-8", "comma", 6 },
        { "opencanada-geogratis-downloads.xlsx", 280, "xlsx", null, null, 4 },
        { "derived/UNSD-es.cp1252.semicolon.csv", 249, "csv", "windows-1252", "semicolon", 15 },
        { "derived/co2-mm-mlo.bom.csv", 820, "csv", "utf-8", "comma", 7 },
        { "derived/gdp.tsv", 13979, "csv", "utf-8", "tab", 4 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Real_file_loads_every_row(
        string file,
        long rows,
        string format,
        string? encoding,
        string? separator,
        int fields)
    {
        var path = RealTabularFiles.Require(file);
        var sink = new MemorySink();

        var result = await TabularIngester.IngestAsync(path, sink, CancellationToken);

        Assert.Equal(rows, result.RowCount);
        Assert.Equal(rows, sink.Rows.Count);
        Assert.Equal(format, result.Format);
        Assert.Equal(encoding, result.Encoding);
        Assert.Equal(separator, result.Separator);
        Assert.True(
            fields == sink.Fields.Count,
            $"Expected {fields} fields, got: {string.Join(", ", sink.Fields.Select(field => field.Id))}");
    }

    [Fact]
    public async Task Gdp_types_year_and_value()
    {
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(RealTabularFiles.Require("gdp.csv"), sink, CancellationToken);

        Assert.Equal("text", sink.TypeOf("Country Name"));
        Assert.Equal("int4", sink.TypeOf("Year"));
        Assert.Equal("numeric", sink.TypeOf("Value"));
        Assert.Equal(3521418059.923445m, sink.Column("Value")[0]);
    }

    [Fact]
    public async Task Tsv_and_csv_of_same_data_load_alike()
    {
        var csv = new MemorySink();
        var tsv = new MemorySink();

        await TabularIngester.IngestAsync(RealTabularFiles.Require("gdp.csv"), csv, CancellationToken);
        await TabularIngester.IngestAsync(RealTabularFiles.Require("derived/gdp.tsv"), tsv, CancellationToken);

        Assert.Equal(csv.Fields.Select(field => field.Id), tsv.Fields.Select(field => field.Id));
        Assert.Equal(csv.Fields.Select(field => field.Type), tsv.Fields.Select(field => field.Type));
        Assert.Equal(csv.Rows, tsv.Rows);
    }

    [Fact]
    public async Task Cp1252_semicolon_variant_matches_utf8_original()
    {
        var original = new MemorySink();
        var variant = new MemorySink();

        await TabularIngester.IngestAsync(RealTabularFiles.Require("UNSD-es.csv"), original, CancellationToken);
        await TabularIngester.IngestAsync(
            RealTabularFiles.Require("derived/UNSD-es.cp1252.semicolon.csv"), variant, CancellationToken);

        Assert.Equal(original.Fields.Select(field => field.Id), variant.Fields.Select(field => field.Id));
        Assert.Equal(original.Rows, variant.Rows);
        Assert.Equal("text", original.TypeOf("M49 Code"));
        Assert.Equal("001", original.Column("Global Code")[0]);
    }

    [Fact]
    public async Task Bom_variant_has_clean_first_header()
    {
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(RealTabularFiles.Require("derived/co2-mm-mlo.bom.csv"), sink, CancellationToken);

        Assert.Equal("Date", sink.Fields[0].Id);
        Assert.Equal("numeric", sink.TypeOf("Average"));
        Assert.Equal("text", sink.TypeOf("Trend"));
    }

    [Fact]
    public async Task Sp500_dates_load_as_date()
    {
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(RealTabularFiles.Require("sp500-constituents.csv"), sink, CancellationToken);

        Assert.Equal("date", sink.TypeOf("Date added"));
        Assert.All(sink.Column("Date added"), value => Assert.True(value is null or DateOnly));
    }

    [Fact]
    public async Task Xlsx_counts_load_as_integers()
    {
        var sink = new MemorySink();

        await TabularIngester.IngestAsync(
            RealTabularFiles.Require("opencanada-geogratis-downloads.xlsx"), sink, CancellationToken);

        Assert.Equal("int4", sink.Fields[3].Type);
        Assert.Equal("Number of downloads / Nombre de téléchargements", sink.Fields[3].Info["label"]);
        Assert.All(sink.Column(sink.Fields[3].Id), value => Assert.True(value is null or int));
    }
}
