using Ckan.Storage.Postgres;
using Npgsql;

namespace Ckan.Web.Tests.Support;

/// <summary>
/// Chooses the catalog backend of every <see cref="TestPortal"/>: SQLite in the portal's folder by default,
/// or, with <c>CKAN_TEST_CATALOG=postgresql</c>, a new database in the cluster named by
/// <c>CKAN_TEST_POSTGRES</c> (an admin URL), dropped when the portal stops.
/// </summary>
public static class TestCatalog
{
    public const string BackendVariable = "CKAN_TEST_CATALOG";
    public const string ServerVariable = "CKAN_TEST_POSTGRES";

    /// <summary>Whether this run puts the portals' catalogs on PostgreSQL.</summary>
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(BackendVariable), "postgresql", StringComparison.Ordinal);

    /// <summary>
    /// Returns the admin URL of the test cluster. Without it the test is skipped, unless <c>CI=true</c>
    /// or the run asked for the PostgreSQL backend: then the test fails.
    /// </summary>
    public static string AdminUrl()
    {
        var url = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrEmpty(url))
        {
            return url;
        }

        var message = $"{ServerVariable} is not set; set it to an admin URL such as "
            + "postgresql://postgres@127.0.0.1:55432/postgres (.ci/postgres.sh start prints one).";
        var isCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (isCi || IsPostgres)
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return "";
    }

    /// <summary>
    /// Returns the <c>sqlalchemy.url</c> for a new portal: a SQLite file in <paramref name="folder"/>, or
    /// a new PostgreSQL database when the run selects that backend.
    /// </summary>
    public static async Task<string> CreateAsync(string folder, CancellationToken cancellationToken) =>
        IsPostgres
            ? await CreatePostgresDatabaseAsync(cancellationToken)
            : "sqlite:///" + Path.Combine(folder, "ckan.db");

    /// <summary>Creates an empty database with a unique name and returns its SQLAlchemy URL.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = AdminUrl();
        var name = "ckan_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", cancellationToken);
        return admin[..(admin.LastIndexOf('/') + 1)] + name;
    }

    /// <summary>Drops the database behind a PostgreSQL URL, closing its open connections; ignores SQLite URLs.</summary>
    public static Task DropAsync(string url)
    {
        if (!PostgresUrl.IsPostgres(url))
        {
            return Task.CompletedTask;
        }

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
