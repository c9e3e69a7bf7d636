using Ckan.DataStore.Schema;
using Ckan.DataStore.Sqlite;

namespace Ckan.Cli.Tests.Commands;

public sealed class DataStoreCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync()
    {
        await Task.Yield();
        yield return ["Ada", "36"];
        yield return ["Grace, Hopper", "85"];
    }

    [Fact]
    public async Task Set_permissions_prints_grants_for_the_read_only_role()
    {
        using var site = new CliSite();
        await File.AppendAllTextAsync(site.ConfigPath, """
            ckan.datastore.write_url = postgresql://writer:secret@127.0.0.1/datastore_db
            ckan.datastore.read_url = postgresql://reader:secret@127.0.0.1/datastore_db

            """, Token);

        var run = await site.RunAsync("datastore", "set-permissions");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("\\connect \"datastore_db\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"reader\";", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            "ALTER DEFAULT PRIVILEGES FOR USER \"writer\" IN SCHEMA public GRANT SELECT ON TABLES TO \"reader\";",
            run.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_permissions_without_postgresql_urls_explains_what_is_missing()
    {
        using var site = new CliSite();

        var run = await site.RunAsync("datastore", "set-permissions");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ckan.datastore.write_url", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_writes_the_table_as_csv_to_a_file()
    {
        using var site = new CliSite();
        var id = Guid.NewGuid().ToString();
        await using (var store = new SqliteDataStore(Path.Combine(site.Directory, "datastore.db"), 5000))
        {
            await store.InitializeAsync(Token);
            DataStoreField[] fields = [new("name", FieldType.Text), new("age", FieldType.Int4)];
            await store.BulkLoadAsync(id, fields, RowsAsync(), Token);
        }

        var output = Path.Combine(site.Directory, "dump.csv");
        var run = await site.RunAsync("datastore", "dump", id, output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("_id,name,age\n1,Ada,36\n2,\"Grace, Hopper\",85\n", await File.ReadAllTextAsync(output, Token));
    }
}
