using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Cli.Tests.DataPusher;

/// <summary>
/// Hostile files uploaded to a portal and loaded by the DataPusher into each DataStore backend. Every file has one
/// defined outcome: the table it loads, or, for a file that cannot load, an error in datapusher_status with the
/// previous table left readable.
/// </summary>
public abstract class HostileFileTests<TPortal>(TPortal fixture) : IClassFixture<TPortal>
    where TPortal : HostileFilePortal
{
    private const string PreviousFile = "kept,rows\nfirst,1\n";

    private const string Accented = "name,value\nÅsa Öberg,1\nJosé,2\n";

    private static readonly Encoding Windows1252 = CodePagesEncoding(1252);

    private static readonly string LongHeader = string.Concat(Enumerable.Repeat("measurement", 7));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> LoadedFiles() => [.. Loaded.Keys];

    public static TheoryData<string> FailingFiles() => [.. Failing.Keys];

    // Each loaded file maps to its bytes and a check of the loaded table.
    private static readonly Dictionary<string, (string FileName, Func<byte[]> Bytes, Func<Table, Task> Check)> Loaded =
        new(StringComparer.Ordinal)
        {
            ["utf8_bom"] = ("bom.csv", () => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Accented)],
                CheckAccentedAsync),
            ["utf16le_bom"] = ("utf16le.csv", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Accented)],
                CheckAccentedAsync),
            ["utf16be_bom"] = ("utf16be.csv",
                () => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Accented)],
                CheckAccentedAsync),
            ["windows_1252"] = ("cp1252.csv", () => Windows1252.GetBytes("name,price\nCafé crème,€3\nNaïve,€4\n"),
                table =>
                {
                    Assert.Equal("Café crème", table.Value(0, "name"));
                    Assert.Equal("€3", table.Value(0, "price"));
                    return Task.CompletedTask;
                }),
            ["semicolon"] = ("semicolon.csv", () => Utf8("a;b\n1;x,y\n2;z\n"), CheckTwoColumnsAsync),
            ["tab"] = ("tab.tsv", () => Utf8("a\tb\n1\tx,y\n2\tz\n"), CheckTwoColumnsAsync),
            ["pipe"] = ("pipe.csv", () => Utf8("a|b\n1|x,y\n2|z\n"), CheckTwoColumnsAsync),
            ["quoted_newlines"] = ("quoted.csv",
                () => Utf8("id,note\n1,\"line one\nline two, with comma\"\n2,\"say \"\"hi\"\"\"\n"),
                table =>
                {
                    Assert.Equal(2, table.Total);
                    Assert.Equal("line one\nline two, with comma", table.Value(0, "note"));
                    Assert.Equal("say \"hi\"", table.Value(1, "note"));
                    return Task.CompletedTask;
                }),
            ["awkward_headers"] = ("headers.csv", () => Utf8($",name,name,{LongHeader},_id\n1,2,3,4,5\n"),
                table =>
                {
                    var ids = table.FieldIds;
                    Assert.Equal(["field_1", "name", "name_2", LongHeader[..63], "id"], ids);
                    Assert.Equal("", table.Label("field_1"));
                    Assert.Equal("name", table.Label("name_2"));
                    Assert.Equal(LongHeader, table.Label(LongHeader[..63]));
                    Assert.Equal("_id", table.Label("id"));
                    return Task.CompletedTask;
                }),
            ["ragged_rows"] = ("ragged.csv", () => Utf8("a,b,c\n1,2\n3,4,5,6\n"),
                table =>
                {
                    Assert.Equal(["a", "b", "c", "field_4"], table.FieldIds);
                    Assert.Null(table.Value(0, "c"));
                    Assert.Equal("6", table.Value(1, "field_4"));
                    return Task.CompletedTask;
                }),
            ["header_only"] = ("header-only.csv", () => Utf8("a,b\n"),
                table =>
                {
                    Assert.Equal(["a", "b"], table.FieldIds);
                    Assert.Equal("text", table.Type("a"));
                    Assert.Equal(0, table.Total);
                    return Task.CompletedTask;
                }),
            ["blank_trailing_lines"] = ("trailing.csv", () => Utf8("a\n1\n2\n\n\n  \n\n"),
                table =>
                {
                    Assert.Equal(2, table.Total);
                    Assert.Equal("int4", table.Type("a"));
                    return Task.CompletedTask;
                }),
            ["nan_and_infinity"] = ("nan.csv", () => Utf8("x\n1.5\nNaN\nInfinity\n-Infinity\n"),
                table =>
                {
                    Assert.Equal("float8", table.Type("x"));
                    Assert.Equal(4, table.Total);
                    Assert.Equal("1.5", table.Value(0, "x"));
                    Assert.Equal("NaN", table.Value(1, "x"));
                    Assert.Equal("Infinity", table.Value(2, "x"));
                    Assert.Equal("-Infinity", table.Value(3, "x"));
                    return Task.CompletedTask;
                }),
            ["huge_integers"] = ("huge.csv",
                () => Utf8("big,huge\n1,1\n-99999999999999999999,123456789012345678901234567890\n"),
                table =>
                {
                    Assert.Equal("numeric", table.Type("big"));
                    Assert.Equal("-99999999999999999999", table.Value(1, "big"));
                    Assert.Equal("text", table.Type("huge"));
                    Assert.Equal("123456789012345678901234567890", table.Value(1, "huge"));
                    return Task.CompletedTask;
                }),
            ["late_type_change"] = ("late.csv", LateTypeChange,
                async table =>
                {
                    Assert.Equal("text", table.Type("value"));
                    Assert.Equal(100_000, table.Total);
                    Assert.Equal("1", table.Value(0, "value"));
                    var late = await table.SearchAsync(new JsonObject { ["offset"] = 89_999, ["limit"] = 2 });
                    Assert.Equal("n/a", late["records"]![0]!["value"]!.ToString());
                    Assert.Equal("90001", late["records"]![1]!["value"]!.ToString());
                }),
            ["day_first_dates"] = ("day-first.csv", () => Utf8("d\n31/01/2024\n15/02/2024\n"), CheckDatesAsync),
            ["month_first_dates"] = ("month-first.csv", () => Utf8("d\n01/31/2024\n02/15/2024\n"), CheckDatesAsync),
            ["leading_zero_codes"] = ("codes.csv", () => Utf8("code,n\n007,1\n010,2\n"),
                table =>
                {
                    Assert.Equal("text", table.Type("code"));
                    Assert.Equal("007", table.Value(0, "code"));
                    Assert.Equal("int4", table.Type("n"));
                    return Task.CompletedTask;
                }),
            ["xlsx"] = ("downloads.xlsx",
                () => File.ReadAllBytes(Path.Combine(SharedData.RealDataFolder(), "csv", "opencanada-geogratis-downloads.xlsx")),
                table =>
                {
                    Assert.Equal(280, table.Total);
                    Assert.Equal(4, table.FieldIds.Count);
                    return Task.CompletedTask;
                }),
        };

    // Each failing file maps to its bytes and a fragment of the error that datapusher_status must show.
    private static readonly Dictionary<string, (string FileName, Func<byte[]> Bytes, string Error)> Failing =
        new(StringComparer.Ordinal)
        {
            ["empty_file"] = ("empty.csv", () => [], "empty.csv is empty"),
            ["blank_lines_only"] = ("blank.csv", () => Utf8("\n\n  \n"), "blank.csv has no header row"),
            ["damaged_workbook"] = ("broken.xlsx", () => [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8],
                "broken.xlsx is not a readable XLSX workbook"),
        };

    [Theory]
    [MemberData(nameof(LoadedFiles))]
    public async Task File_loads_with_defined_table(string name)
    {
        var (fileName, bytes, check) = Loaded[name];

        var (resourceId, status) = await fixture.LoadAsync(bytes(), fileName, null, Token);

        Assert.True(status["status"]!.GetValue<string>() == "complete", status.ToJsonString());
        var search = await fixture.SearchAsync(resourceId, new JsonObject { ["limit"] = 5 }, Token);
        await check(new Table(fixture, resourceId, search));
    }

    [Theory]
    [MemberData(nameof(FailingFiles))]
    public async Task Failed_file_keeps_previous_table(string name)
    {
        var (fileName, bytes, error) = Failing[name];
        var (resourceId, _) = await fixture.LoadAsync(Utf8(PreviousFile), "previous.csv", null, Token);

        var (_, status) = await fixture.LoadAsync(bytes(), fileName, resourceId, Token);

        var search = await fixture.SearchAsync(resourceId, new JsonObject(), Token);
        Assert.Equal("error", status["status"]!.GetValue<string>());
        Assert.Contains(error, status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, search["total"]!.GetValue<int>());
        Assert.Equal("first", search["records"]![0]!["kept"]!.GetValue<string>());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] LateTypeChange()
    {
        var text = new StringBuilder("value\n");
        for (var row = 1; row <= 100_000; row++)
        {
            text.Append(row == 90_000 ? "n/a" : row.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Utf8(text.ToString());
    }

    private static Task CheckAccentedAsync(Table table)
    {
        Assert.Equal(["name", "value"], table.FieldIds);
        Assert.Equal("Åsa Öberg", table.Value(0, "name"));
        Assert.Equal("José", table.Value(1, "name"));
        Assert.Equal("int4", table.Type("value"));
        return Task.CompletedTask;
    }

    private static Task CheckTwoColumnsAsync(Table table)
    {
        Assert.Equal(["a", "b"], table.FieldIds);
        Assert.Equal("int4", table.Type("a"));
        Assert.Equal("x,y", table.Value(0, "b"));
        return Task.CompletedTask;
    }

    private static Task CheckDatesAsync(Table table)
    {
        Assert.Equal("date", table.Type("d"));
        Assert.StartsWith("2024-01-31", table.Value(0, "d"), StringComparison.Ordinal);
        Assert.StartsWith("2024-02-15", table.Value(1, "d"), StringComparison.Ordinal);
        return Task.CompletedTask;
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>The first rows and the fields of a loaded table, as datastore_search returns them.</summary>
    public sealed class Table(HostileFilePortal portal, string resourceId, JsonObject search)
    {
        public long Total => search["total"]!.GetValue<long>();

        // datastore_search lists _id first; the file's columns follow.
        public IReadOnlyList<string> FieldIds => Fields.Select(item => item["id"]!.GetValue<string>())
            .Where(id => id != "_id").ToList();

        private IEnumerable<JsonObject> Fields => search["fields"]!.AsArray().OfType<JsonObject>();

        public string Type(string id) => Field(id)["type"]!.GetValue<string>();

        public string? Label(string id) => Field(id)["info"]?["label"]?.GetValue<string>();

        public string? Value(int row, string id) => search["records"]![row]![id]?.ToString();

        public Task<JsonObject> SearchAsync(JsonObject query) => portal.SearchAsync(resourceId, query, Token);

        private JsonObject Field(string id) => Fields.Single(item => item["id"]!.GetValue<string>() == id);
    }
}

/// <summary>The hostile files on the embedded SQLite DataStore.</summary>
public sealed class SqliteHostileFileTests(SqliteHostileFilePortal fixture)
    : HostileFileTests<SqliteHostileFilePortal>(fixture);

/// <summary>The hostile files on the PostgreSQL DataStore.</summary>
public sealed class PostgresHostileFileTests(PostgresHostileFilePortal fixture)
    : HostileFileTests<PostgresHostileFilePortal>(fixture);
