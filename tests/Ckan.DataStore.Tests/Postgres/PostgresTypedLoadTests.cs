using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Ckan.Core.Tabular;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Tests.Support;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Postgres;

/// <summary>
/// The typed row writer encodes PostgreSQL's binary COPY itself, so its rows must come out exactly as the
/// bulk load through Npgsql stores them, and an uncommitted writer must leave nothing behind.
/// </summary>
public sealed class PostgresTypedLoadTests(PostgresDataStorePortal fixture) : IClassFixture<PostgresDataStorePortal>
{
    private static readonly DataStoreField[] Fields =
    [
        new("name", FieldType.Text),
        new("small", FieldType.Int4),
        new("big", FieldType.Parse("int8")!),
        new("amount", FieldType.Parse("numeric")!),
        new("ratio", FieldType.Float8),
        new("flag", FieldType.Parse("bool")!),
        new("day", FieldType.Parse("date")!),
        new("stamp", FieldType.Parse("timestamp")!),
    ];

    // Npgsql writes DateOnly.MinValue as -infinity, so the oldest date here is the day after it.
    private static readonly object?[][] Rows =
    [
        ["plain", 1, 1L, "12.50", 0.5, true, new DateOnly(2021, 3, 4), new DateTime(2021, 3, 4, 10, 30, 15, 123)],
        ["Ñandú, «comillas» 漢字 😀", -2147483648, long.MinValue, "-0.0001", double.NaN, false,
            new DateOnly(1999, 12, 31), new DateTime(1969, 7, 20, 20, 17, 40).AddTicks(10)],
        [null, int.MaxValue, long.MaxValue, "79228162514264337593543950335", double.PositiveInfinity, null,
            new DateOnly(1, 1, 2), new DateTime(9999, 12, 31, 23, 59, 59)],
        ["", null, null, null, double.NegativeInfinity, true, null, null],
        ["line\nbreak \"quoted\" tab\there", 0, 0L, "0", -1.5e-300, false, new DateOnly(2000, 1, 1), new DateTime(2000, 1, 1)],
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Typed_rows_equal_the_bulk_load_rows()
    {
        var typed = await NewTableAsync();
        var boxed = await NewTableAsync();

        await using (var writer = await BeginAsync(typed, Fields))
        {
            foreach (var row in Rows)
            {
                await WriteRowAsync(writer, row);
            }

            Assert.Equal(Rows.Length, await writer.CommitAsync(Token));
        }

        await fixture.Store.BulkLoadAsync(boxed, Fields, BoxedRowsAsync(Token), Token);

        var columns = "\"_id\", " + string.Join(", ", Fields.Select(field => FieldNames.Quote(field.Id)));
        var differing = await fixture.Database.ScalarAsync(
            $"""
            SELECT count(*) FROM (
                (SELECT {columns} FROM {FieldNames.Quote(typed)} EXCEPT SELECT {columns} FROM {FieldNames.Quote(boxed)})
                UNION ALL
                (SELECT {columns} FROM {FieldNames.Quote(boxed)} EXCEPT SELECT {columns} FROM {FieldNames.Quote(typed)})) AS d
            """,
            Token);
        Assert.Equal(0L, differing);
        var found = await fixture.Portal.SearchAsync(new JsonObject { ["resource_id"] = typed, ["sort"] = "_id" }, Token);
        Assert.Equal(Rows.Length, found["total"]!.GetValue<int>());
        Assert.Equal("Ñandú, «comillas» 漢字 😀", found["records"]![1]!["name"]!.GetValue<string>());
        Assert.Equal("1969-07-20T20:17:40", found["records"]![1]!["stamp"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.00")]
    [InlineData("12.50")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.5e3")]
    [InlineData("1.50E1")]
    [InlineData("2.5e-7")]
    [InlineData("-123456789.0123456789")]
    [InlineData("10000")]
    [InlineData("99990000.00009999")]
    [InlineData("0.00000001")]
    [InlineData("1234567890123456789012345678901234567890.123456789012345678901234567890")]
    [InlineData("-7e+2")]
    public async Task Numeric_text_stored_as_PostgreSQL_parses(string text)
    {
        var id = await NewTableAsync();
        DataStoreField[] fields = [new("amount", FieldType.Parse("numeric")!)];

        await using (var writer = await BeginAsync(id, fields))
        {
            writer.WriteNumeric(text);
            await writer.EndRowAsync(Token);
            await writer.CommitAsync(Token);
        }

        var stored = await fixture.Database.ScalarAsync(
            $"SELECT amount::text || ' ' || ('{text}'::numeric)::text FROM {FieldNames.Quote(id)}", Token);
        var parts = ((string)stored!).Split(' ');
        Assert.Equal(parts[1], parts[0]);
    }

    [Fact]
    public async Task Writer_disposed_without_commit_keeps_the_previous_table()
    {
        var id = await NewTableAsync();
        await using (var first = await BeginAsync(id, Fields))
        {
            await WriteRowAsync(first, Rows[0]);
            await first.CommitAsync(Token);
        }

        await using (var second = await BeginAsync(id, Fields))
        {
            for (var row = 0; row < 20_000; row++)
            {
                await WriteRowAsync(second, Rows[row % Rows.Length]);
            }
        }

        Assert.Equal(1L, await fixture.Database.ScalarAsync($"SELECT count(*) FROM {FieldNames.Quote(id)}", Token));
        Assert.Equal(0L, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM pg_tables WHERE tablename LIKE '{id}\\_load\\_%'", Token));
    }

    [Fact]
    public async Task Value_of_another_type_is_refused()
    {
        var id = await NewTableAsync();
        await using var writer = await BeginAsync(id, Fields);

        writer.WriteText("name");
        var error = Assert.Throws<InvalidOperationException>(() => writer.WriteText("not a number"));

        Assert.Contains("Int4", error.Message);
    }

    private async Task<ITypedRowWriter> BeginAsync(string id, IReadOnlyList<DataStoreField> fields) =>
        await fixture.Store.BeginTypedLoadAsync(id, fields, Token)
        ?? throw new InvalidOperationException("The PostgreSQL DataStore has no typed load.");

    private Task<string> NewTableAsync() => fixture.Portal.CreateTableAsync(
        Array(new JsonObject { ["id"] = "name", ["type"] = "text" }), Array(), Token);

    private static async ValueTask WriteRowAsync(ITypedRowWriter writer, object?[] row)
    {
        foreach (var value in row)
        {
            switch (value)
            {
                case null: writer.WriteNull(); break;
                case string text when ReferenceEquals(row[3], text): writer.WriteNumeric(text); break;
                case string text: writer.WriteText(text); break;
                case int number: writer.WriteInt4(number); break;
                case long number: writer.WriteInt8(number); break;
                case double number: writer.WriteFloat8(number); break;
                case bool flag: writer.WriteBool(flag); break;
                case DateOnly day: writer.WriteDate(day); break;
                case DateTime moment: writer.WriteTimestamp(moment); break;
                default: throw new InvalidOperationException($"No write for {value.GetType()}.");
            }
        }

        await writer.EndRowAsync(Token);
    }

    // The same rows for the bulk load through Npgsql, with the numeric column as decimal.
    private static async IAsyncEnumerable<IReadOnlyList<object?>> BoxedRowsAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            var copy = (object?[])row.Clone();
            copy[3] = copy[3] is string text ? decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
            yield return copy;
        }
    }
}
