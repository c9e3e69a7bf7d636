using Ckan.DataStore.Postgres;
using Npgsql;

namespace Ckan.DataStore.Tests.Support;

/// <summary>
/// A DataStore database of its own in the test cluster (<c>CKAN_TEST_POSTGRES</c>): a write role owning
/// it and a read-only role set up by the SQL <c>ckan datastore set-permissions</c> prints. Dropped with
/// its roles on dispose.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _adminUrl;

    private PostgresTestDatabase(string adminUrl, string suffix)
    {
        _adminUrl = adminUrl;
        Database = "ds_" + suffix;
        WriteRole = "ds_write_" + suffix;
        ReadRole = "ds_read_" + suffix;
    }

    public string Database { get; }
    public string WriteRole { get; }
    public string ReadRole { get; }
    public string WriteUrl => RoleUrl(WriteRole);
    public string ReadUrl => RoleUrl(ReadRole);

    /// <summary>
    /// Returns the admin URL, or null when tests should skip; under <c>CI=true</c> a missing server fails.
    /// </summary>
    public static string? AdminUrl()
    {
        var url = Environment.GetEnvironmentVariable("CKAN_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(url))
        {
            return url;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI=true but CKAN_TEST_POSTGRES is not set; start PostgreSQL with .ci/run.");
        }

        return null;
    }

    /// <summary>Creates the roles and the database and applies the set-permissions script.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string adminUrl, CancellationToken cancellationToken)
    {
        var database = new PostgresTestDatabase(adminUrl, Guid.NewGuid().ToString("N")[..12]);
        await using (var admin = await OpenAsync(adminUrl, null, cancellationToken))
        {
            await ExecuteAsync(admin, $"CREATE ROLE \"{database.WriteRole}\" LOGIN PASSWORD 'write'", cancellationToken);
            await ExecuteAsync(admin, $"CREATE ROLE \"{database.ReadRole}\" LOGIN PASSWORD 'read'", cancellationToken);
            await ExecuteAsync(admin, $"CREATE DATABASE \"{database.Database}\" OWNER \"{database.WriteRole}\"", cancellationToken);
        }

        var script = PermissionsScript.Build(null, database.WriteUrl, database.ReadUrl);
        var withoutConnect = string.Join('\n', script.Split('\n').Where(line => !line.StartsWith("\\connect", StringComparison.Ordinal)));
        await using (var inDatabase = await OpenAsync(adminUrl, database.Database, cancellationToken))
        {
            await ExecuteAsync(inDatabase, withoutConnect, cancellationToken);
        }

        return database;
    }

    /// <summary>Runs SQL as the superuser in this database, to inspect what the portal left.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(_adminUrl, Database, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAsync(_adminUrl, null, CancellationToken.None);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", CancellationToken.None);
        await ExecuteAsync(admin, $"DROP ROLE IF EXISTS \"{ReadRole}\"", CancellationToken.None);
        await ExecuteAsync(admin, $"DROP ROLE IF EXISTS \"{WriteRole}\"", CancellationToken.None);
    }

    private string RoleUrl(string role)
    {
        var admin = PostgresUrl.Parse(_adminUrl);
        var password = role == WriteRole ? "write" : "read";
        return $"postgresql://{role}:{password}@{admin.Host}:{admin.Port}/{Database}";
    }

    private static async Task<NpgsqlConnection> OpenAsync(string adminUrl, string? database, CancellationToken cancellationToken)
    {
        var settings = PostgresUrl.Parse(adminUrl);
        if (database is not null)
        {
            settings.Database = database;
        }

        settings.Pooling = false;
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
