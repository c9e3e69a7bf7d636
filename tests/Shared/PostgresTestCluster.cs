using Ckan.Storage.Postgres;
using Npgsql;

namespace Ckan.Tests.Shared;

/// <summary>
/// The PostgreSQL cluster named by <c>CKAN_TEST_POSTGRES</c> (an admin URL), where each test creates and
/// drops its own databases. Without the variable a test is skipped, or fails under <c>CI=true</c>.
/// Compiled into each test project that needs it.
/// </summary>
internal static class PostgresTestCluster
{
    public const string Variable = "CKAN_TEST_POSTGRES";

    /// <summary>
    /// Returns the admin URL. Without it the test is skipped, unless <c>CI=true</c> or
    /// <paramref name="required"/> is set: then the test fails.
    /// </summary>
    public static string AdminUrl(bool required = false)
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(url))
        {
            return url;
        }

        var message = $"{Variable} is not set; set it to an admin URL such as "
            + "postgresql://postgres@127.0.0.1:55432/postgres (.ci/postgres.sh start prints one).";
        var isCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (isCi || required)
        {
            throw new InvalidOperationException(message);
        }

        Xunit.Assert.Skip(message);
        return "";
    }

    /// <summary>Creates an empty UTF-8 database with a unique name and returns its SQLAlchemy URL.</summary>
    public static async Task<string> CreateDatabaseAsync(bool required, CancellationToken cancellationToken)
    {
        var admin = AdminUrl(required);
        var name = "ckan_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", cancellationToken);
        return admin[..(admin.LastIndexOf('/') + 1)] + name;
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
