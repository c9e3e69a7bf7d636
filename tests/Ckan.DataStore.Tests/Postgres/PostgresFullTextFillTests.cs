using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Tests.Support;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Postgres;

/// <summary>
/// A bulk load makes its table active before <c>_full_text</c> is filled; q searches wait for the fill,
/// which must store what CKAN's trigger would have stored.
/// </summary>
public sealed class PostgresFullTextFillTests(PostgresDataStorePortal fixture) : IClassFixture<PostgresDataStorePortal>
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
        new("tags", FieldType.Parse("_text")!),
        new("doc", FieldType.Parse("json")!),
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fill_stores_the_trigger_values()
    {
        var id = await NewTableAsync();

        await fixture.Store.BulkLoadAsync(id, Fields, RowsAsync(300, "alpha", Token), Token);
        var found = await fixture.Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "alpha" }, Token);

        Assert.Equal(300, found["total"]!.GetValue<int>());
        var table = FieldNames.Quote(id);
        var differing = await fixture.Database.ScalarAsync(
            $"""
            SELECT count(*) FROM {table} AS t
            WHERE t."_full_text" IS DISTINCT FROM (
                SELECT to_tsvector(string_agg(value, ' ')) FROM json_each_text(row_to_json(t.*))
                WHERE key NOT LIKE '\_%')
            """,
            Token);
        Assert.Equal(0L, differing);
        var indexes = await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM pg_indexes WHERE tablename = '{id}' AND indexdef LIKE '%_full_text%'", Token);
        Assert.Equal(1L, indexes);
    }

    [Fact]
    public async Task Search_finds_dates_and_numbers()
    {
        var id = await NewTableAsync();

        await fixture.Store.BulkLoadAsync(id, Fields, RowsAsync(5, "bravo", Token), Token);
        var byDate = await fixture.Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "2021-03-04" }, Token);
        var byNumber = await fixture.Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "4004" }, Token);

        Assert.Equal(1, byDate["total"]!.GetValue<int>());
        Assert.Equal(1, byNumber["total"]!.GetValue<int>());
        Assert.Equal(4, byNumber["records"]![0]!["small"]!.GetValue<int>());
    }

    [Fact]
    public async Task Second_load_is_searched_after_its_fill()
    {
        var id = await NewTableAsync();

        await fixture.Store.BulkLoadAsync(id, Fields, RowsAsync(2000, "charlie", Token), Token);
        await fixture.Store.BulkLoadAsync(id, Fields, RowsAsync(20, "delta", Token), Token);
        var old = await fixture.Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "charlie" }, Token);
        var replaced = await fixture.Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "delta" }, Token);

        Assert.Equal(0, old["total"]!.GetValue<int>());
        Assert.Equal(20, replaced["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rows_inserted_after_load_continue_ids()
    {
        var id = await NewTableAsync();
        await fixture.Store.BulkLoadAsync(id, Fields, RowsAsync(10, "echo", Token), Token);

        await fixture.Portal.ArrangeAsync(
            "datastore_upsert",
            new JsonObject
            {
                ["resource_id"] = id,
                ["method"] = "insert",
                ["records"] = Array(new JsonObject { ["name"] = "foxtrot row", ["small"] = 99 }),
            },
            Token);
        var found = await fixture.Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "foxtrot" }, Token);
        var all = await fixture.Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "echo" }, Token);

        Assert.Equal(1, found["total"]!.GetValue<int>());
        Assert.Equal(99, found["records"]![0]!["small"]!.GetValue<int>());
        Assert.Equal(11, found["records"]![0]!["_id"]!.GetValue<int>());
        Assert.Equal(10, all["total"]!.GetValue<int>());
    }

    private Task<string> NewTableAsync() => fixture.Portal.CreateTableAsync(
        Array(new JsonObject { ["id"] = "name", ["type"] = "text" }), Array(), Token);

    // Row n has small = n, big = n * 1001, the date 2021-03-0n for n up to 9, and some nulls.
    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(
        int count,
        string word,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var row = 1; row <= count; row++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            var day = new DateOnly(2021, 3, 1).AddDays(row - 1);
            yield return
            [
                $"{word} row {row}",
                row,
                row * 1001L,
                row % 7 == 0 ? null : $"{row}.25",
                row / 8.0,
                row % 2 == 0,
                day,
                day.ToDateTime(new TimeOnly(10, 30)),
                row % 3 == 0 ? null : new JsonArray("red", "blue " + row),
                new JsonObject { ["size"] = row, ["label"] = "item " + row },
            ];
        }
    }
}
