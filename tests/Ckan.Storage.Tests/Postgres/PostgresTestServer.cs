using Ckan.Storage.Postgres;
using Npgsql;

namespace Ckan.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL cluster named by <c>CKAN_TEST_POSTGRES</c> (an admin URL), where each test creates
/// and drops its own database. Without the variable the test is skipped, or fails under <c>CI=true</c>.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "CKAN_TEST_POSTGRES";

    /// <summary>Returns the admin URL, skipping (or under CI failing) the test when it is not set.</summary>
    public static string AdminUrl()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(url))
        {
            return url;
        }

        var message = $"{Variable} is not set; set it to an admin URL such as "
            + "postgresql://postgres@127.0.0.1:55432/postgres (.ci/postgres.sh start prints one).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return "";
    }

    /// <summary>Creates an empty database with a unique name and returns its SQLAlchemy URL.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = AdminUrl();
        var name = "ckan_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", cancellationToken);
        var slash = admin.LastIndexOf('/');
        return admin[..(slash + 1)] + name;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its open connections.</summary>
    public static Task DropDatabaseAsync(string url)
    {
        var name = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url)).Database;
        return ExecuteAsync(AdminUrl(), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string adminUrl, string sql, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(adminUrl))
        {
            Pooling = false,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
