using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Tests.Support;
using Ckan.DataStore.Writing;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Actions;

public abstract partial class DataStoreBehaviourTests<TPortal>
{
    private static readonly DataStoreField[] LoadFields =
    [
        new("city", FieldType.Text),
        new("population", FieldType.Parse("int8")!),
        new("share", FieldType.Parse("numeric")!),
    ];

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(
        int count,
        int failAt = -1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var row = 1; row <= count; row++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return row == failAt
                ? ["Broken", "not a number", "1"]
                : ["City " + row, row * 1000L, "0." + row.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }
    }

    [Fact]
    public async Task Bulk_load_replaces_the_table_and_keeps_its_aliases()
    {
        var alias = Web.Tests.Support.Names.Unique("alias");
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token, extra: new JsonObject { ["aliases"] = alias });

        var loaded = await Store.BulkLoadAsync(id, LoadFields, RowsAsync(2500, cancellationToken: Token), Token);

        Assert.Equal(2500, loaded);
        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = alias, ["filters"] = new JsonObject { ["city"] = "City 7" } }, Token);
        Assert.Equal("""{"_id":7,"city":"City 7","population":7000,"share":0.7}""", result["records"]![0]!.ToJsonString());
        Assert.Equal(1, result["total"]!.GetValue<int>());
        Assert.Equal(2500, await Portal.CountRowsAsync(id, Token));
        var text = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id, ["q"] = "2499", ["limit"] = 1 }, Token);
        Assert.Equal("City 2499", text["records"]![0]!["city"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_bulk_load_leaves_the_previous_table_intact()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var error = await Assert.ThrowsAsync<BulkLoadException>(
            () => Store.BulkLoadAsync(id, LoadFields, RowsAsync(100, failAt: 60, cancellationToken: Token), Token));

        Assert.Equal(60, error.Row);
        Assert.Equal("population", error.Column);
        var result = await Portal.SearchAsync(new JsonObject { ["resource_id"] = id }, Token);
        Assert.Equal(["Ada", "Grace", "Alan"], Names(result));
        Assert.Equal("name", result["fields"]![1]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_load_creates_a_table_that_did_not_exist()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);
        await Store.DropAsync(id, Token);

        await Store.BulkLoadAsync(id, LoadFields, RowsAsync(3, cancellationToken: Token), Token);

        Assert.Equal(3, await Portal.CountRowsAsync(id, Token));
    }
}
