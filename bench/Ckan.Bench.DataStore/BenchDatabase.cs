using Ckan.DataStore.Postgres;
using Npgsql;

namespace Ckan.Bench.DataStore;

/// <summary>
/// A DataStore database made for one run in the given cluster, with a write role owning it and a read-only
/// role set up by the SQL of <c>ckan datastore set-permissions</c>; dropped with its roles at the end.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminUrl;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    private BenchDatabase(string adminUrl) => _adminUrl = adminUrl;

    public string Name => "bench_ds_" + _suffix;
    public string WriteUrl => Url("bench_write_" + _suffix, "write");
    public string ReadUrl => Url("bench_read_" + _suffix, "read");

    public static async Task<BenchDatabase> CreateAsync(string adminUrl, CancellationToken cancellationToken)
    {
        var database = new BenchDatabase(adminUrl);
        var write = "bench_write_" + database._suffix;
        var read = "bench_read_" + database._suffix;
        await ExecuteAsync(adminUrl, null, $"""
            CREATE ROLE "{write}" LOGIN PASSWORD 'write';
            CREATE ROLE "{read}" LOGIN PASSWORD 'read';
            """, cancellationToken);
        await ExecuteAsync(adminUrl, null, $"CREATE DATABASE \"{database.Name}\" OWNER \"{write}\"", cancellationToken);
        var script = PermissionsScript.Build(null, database.WriteUrl, database.ReadUrl);
        var statements = string.Join('\n', script.Split('\n').Where(line => !line.StartsWith("\\connect", StringComparison.Ordinal)));
        await ExecuteAsync(adminUrl, database.Name, statements, cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_adminUrl, null, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
        await ExecuteAsync(_adminUrl, null, $"""
            DROP ROLE IF EXISTS "bench_read_{_suffix}";
            DROP ROLE IF EXISTS "bench_write_{_suffix}";
            """, CancellationToken.None);
    }

    private string Url(string role, string password)
    {
        var admin = PostgresUrl.Parse(_adminUrl);
        return $"postgresql://{role}:{password}@{admin.Host}:{admin.Port}/{Name}";
    }

    private static async Task ExecuteAsync(string adminUrl, string? database, string sql, CancellationToken cancellationToken)
    {
        var settings = PostgresUrl.Parse(adminUrl);
        settings.Database = database ?? settings.Database;
        settings.Pooling = false;
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
